import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm run web:dev` serves the client on :5173 and proxies the api (run `npm start` beside it; `API_URL`, from
// the environment or an .env file that Vite's `loadEnv` reads, points it elsewhere); `npm run build` writes
// dist/web, which the api serves on its own port.
export default defineConfig(({ mode }) => {
  const api = loadEnv(mode, root, '').API_URL || 'http://localhost:3000';
  return {
    root,
    oxc: { jsx: { runtime: 'automatic' } },
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
