declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

/**
 * Points Excalidraw at the fonts the api serves with the client (copied by the Vite build, see vite.config.ts),
 * never a CDN: the CSP allows fonts from this origin only. Excalidraw reads it when its module is evaluated, so
 * this runs before the board's chunk is imported (a side effect inside that chunk would run after its imports).
 */
export function useSelfHostedExcalidrawAssets(): void {
  window.EXCALIDRAW_ASSET_PATH = '/excalidraw/';
}
