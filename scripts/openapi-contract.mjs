// The api's contract as files, generated from the zod schemas (issue 21): openapi.json (the REST api),
// apps/web/src/api-types.ts (the web client's REST types, by openapi-typescript from openapi.json) and
// docs/socket-protocol.schema.json (the live-session protocol). `npm run openapi:generate` rewrites them;
// test/e2e/openapi.e2e.ts and test/lint/socket-protocol-schema.spec.ts fail when the code and these files disagree.
import 'reflect-metadata';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import openapiTS, { astToString } from 'openapi-typescript';

export const root = new URL('..', import.meta.url).pathname;
export const CONTRACT_FILES = {
  openapi: join(root, 'openapi.json'),
  webTypes: join(root, 'apps/web/src/api-types.ts'),
  socketProtocol: join(root, 'docs/socket-protocol.schema.json'),
};

/** Files end with one newline; JSON is indented by two spaces. */
export const jsonFile = (value) => `${JSON.stringify(value, null, 2)}\n`;

const HEADER = `/**
 * Generated from openapi.json by openapi-typescript (\`npm run openapi:generate\`): do not edit. The web client's
 * REST types; \`api()\` (api.ts) takes its paths and answers with these.
 */
`;

/** The web client's REST types for an OpenAPI document (the text of apps/web/src/api-types.ts). */
export async function webApiTypes(document) {
  return HEADER + astToString(await openapiTS(document, { alphabetize: true })).trimEnd() + '\n';
}

/**
 * The document the api serves, built without listening or connecting: Nest's preview mode scans the controllers
 * and instantiates nothing, so no database or Redis is needed (`dist/` must be built).
 */
export async function buildDocumentFromDist() {
  const dist = join(root, 'dist');
  const [{ ApiModule }, { loadConfig }, { buildOpenApiDocument }, { createLogger }] = await Promise.all([
    import(join(dist, 'apps/api/api.module.js')),
    import(join(dist, 'libs/config/index.js')),
    import(join(dist, 'libs/http/index.js')),
    import(join(dist, 'libs/logging/index.js')),
  ]);
  const config = loadConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || 'openapi-generation-only-'.repeat(2) });
  const app = await NestFactory.create(ApiModule.forRoot(config, createLogger('openapi', 'silent')), { preview: true, logger: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

export async function socketProtocolFromDist() {
  const { socketProtocolJsonSchema } = await import(join(root, 'dist/libs/protocol/index.js'));
  return socketProtocolJsonSchema();
}
