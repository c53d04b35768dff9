import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen: it scrolls sideways inside its own box instead of widening the page. The box
 * takes focus (named by `label`) so keyboard users can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
