// Rewrites the contract files from the code: openapi.json, apps/web/src/api-types.ts, docs/socket-protocol.schema.json.
// `--check` writes nothing and exits 1 when a file differs from what the code makes of it (test/e2e/openapi.e2e.ts runs
// it, so the generator itself cannot rot unnoticed).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocumentFromDist, CONTRACT_FILES, jsonFile, root, socketProtocolFromDist, webApiTypes } from './openapi-contract.mjs';

const check = process.argv.includes('--check');
execFileSync(process.execPath, [join(root, 'scripts/ensure-build.mjs')], { stdio: check ? 'ignore' : 'inherit' });
const document = await buildDocumentFromDist();
const contents = {
  [CONTRACT_FILES.openapi]: jsonFile(document),
  [CONTRACT_FILES.webTypes]: await webApiTypes(JSON.parse(jsonFile(document))),
  [CONTRACT_FILES.socketProtocol]: jsonFile(await socketProtocolFromDist()),
};
let stale = 0;
for (const [file, text] of Object.entries(contents)) {
  const name = file.slice(root.length);
  if (!check) {
    writeFileSync(file, text);
    process.stdout.write(`wrote ${name}\n`);
  } else if (readFileSync(file, 'utf8') !== text) {
    stale++;
    process.stdout.write(`differs from the code: ${name} (run npm run openapi:generate)\n`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
