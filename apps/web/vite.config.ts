import { cpSync, createReadStream, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const excalidrawFonts = fileURLToPath(new URL('../../node_modules/@excalidraw/excalidraw/dist/prod/fonts', import.meta.url));

/**
 * The whiteboard's fonts, self-hosted under `/excalidraw/fonts` (the board sets `window.EXCALIDRAW_ASSET_PATH`):
 * copied into the build, served from node_modules by the dev server. Excalidraw would otherwise fetch them from a
 * CDN, which the CSP (fonts from this origin only) refuses.
 */
function excalidrawAssets(): Plugin {
  // Excalidraw lists a CDN after the asset path as each font's fallback source; the browser checks every source
  // against the CSP up front (a console error per font face). The build points the fallback at the same
  // self-hosted copy, so no font source names another origin; it fails if the marker is gone (an upgrade).
  const marker = '"ASSETS_FALLBACK_URL",`https://esm.sh/';
  let patched = false;
  return {
    name: 'excalidraw-self-hosted-fonts',
    transform(code, id) {
      if (!id.includes('@excalidraw/excalidraw/dist/prod/') || !code.includes(marker)) return null;
      const start = code.indexOf(marker);
      const end = code.indexOf('/dist/prod/`', start);
      if (end < 0) throw new Error('excalidraw-self-hosted-fonts: the font fallback URL has an unexpected form');
      patched = true;
      return {
        code: `${code.slice(0, start)}"ASSETS_FALLBACK_URL",\`\${window.location.origin}/excalidraw/\`${code.slice(end + '/dist/prod/`'.length)}`,
        map: null,
      };
    },
    buildEnd() {
      if (this.meta.watchMode === false && !patched && this.environment?.mode === 'build') {
        this.error("excalidraw-self-hosted-fonts: Excalidraw's CDN font fallback was not found; check the plugin against the installed version");
      }
    },
    writeBundle(options) {
      cpSync(excalidrawFonts, join(options.dir!, 'excalidraw', 'fonts'), { recursive: true });
    },
    configureServer(server) {
      server.middlewares.use('/excalidraw/fonts', (req, res, next) => {
        const file = join(excalidrawFonts, normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^([/\\]|\.\.)+/, ''));
        if (!file.startsWith(excalidrawFonts) || !existsSync(file)) return next();
        res.setHeader('content-type', 'font/woff2');
        createReadStream(file).pipe(res);
      });
    },
  };
}

// `npm run web:dev` serves the client on :5173 and proxies the api (run `npm start` beside it; `API_URL`, from
// the environment or an .env file that Vite's `loadEnv` reads, points it elsewhere); `npm run build` writes
// dist/web, which the api serves on its own port.
export default defineConfig(({ mode }) => {
  const api = loadEnv(mode, root, '').API_URL || 'http://localhost:3000';
  return {
    root,
    oxc: { jsx: { runtime: 'automatic' } },
    plugins: [excalidrawAssets()],
    build: {
      outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
      emptyOutDir: true,
      sourcemap: true,
      target: 'es2022',
    },
    server: {
      port: 5173,
      strictPort: true,
      proxy: {
        '/api': api,
        '/health': api,
        '/socket.io': { target: api, ws: true },
      },
    },
  };
});
