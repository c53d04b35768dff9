import { useEffect } from 'react';

const APP = 'Mock Interview';

/** Names the page in the browser tab ("Review queue · Mock Interview"); null while what names it loads. */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP}` : APP;
  }, [title]);
}
