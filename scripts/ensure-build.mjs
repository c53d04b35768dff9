// Builds dist/ when it is missing or older than any source file, so `npm start` and `npm run cli` just work:
// the server (tsc → dist/apps, dist/libs) and the web client (vite → dist/web), each with its own stamp.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir, accept) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, accept));
    else if (accept(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const mtime = (file) => statSync(join(root, file)).mtimeMs;
const stale = (stamp, sources) => !existsSync(stamp) || statSync(stamp).mtimeMs < sources;

const serverStamp = join(root, 'dist', '.build-stamp');
const serverSources = Math.max(
  ...['apps', 'libs'].map((d) => newestMtime(join(root, d), (name) => name.endsWith('.ts'))),
  ...['package.json', 'tsconfig.json', 'tsconfig.build.json'].map(mtime),
);
if (stale(serverStamp, serverSources)) {
  process.stderr.write('building dist/ …\n');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  writeFileSync(serverStamp, new Date().toISOString());
}

const webStamp = join(root, 'dist', '.web-build-stamp');
const webSources = Math.max(
  newestMtime(join(root, 'apps/web'), () => true),
  newestMtime(join(root, 'libs/protocol'), () => true),
  mtime('package.json'),
);
const vite = join(root, 'node_modules/vite/bin/vite.js');
if (stale(webStamp, webSources)) {
  if (!existsSync(vite)) {
    // `npm ci --omit=dev` leaves out the bundler: the api then serves the api only (and says so in its log).
    process.stderr.write('vite is not installed: skipping the web client build (run npm ci with dev dependencies)\n');
  } else {
    process.stderr.write('building dist/web …\n');
    execFileSync(process.execPath, [vite, 'build', '--config', join(root, 'apps/web/vite.config.ts'), '--logLevel', 'warn'], {
      stdio: 'inherit',
      cwd: root,
    });
    writeFileSync(webStamp, new Date().toISOString());
  }
}
