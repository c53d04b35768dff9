// Rewrites the contract files from the code: openapi.json, apps/web/src/api-types.ts, docs/socket-protocol.schema.json.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocumentFromDist, CONTRACT_FILES, jsonFile, root, socketProtocolFromDist, webApiTypes } from './openapi-contract.mjs';

execFileSync(process.execPath, [join(root, 'scripts/ensure-build.mjs')], { stdio: 'inherit' });
const document = await buildDocumentFromDist();
writeFileSync(CONTRACT_FILES.openapi, jsonFile(document));
writeFileSync(CONTRACT_FILES.webTypes, await webApiTypes(JSON.parse(jsonFile(document))));
writeFileSync(CONTRACT_FILES.socketProtocol, jsonFile(await socketProtocolFromDist()));
for (const file of Object.values(CONTRACT_FILES)) process.stdout.write(`wrote ${file.slice(root.length)}\n`);
