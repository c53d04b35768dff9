import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { CONTRACT_FILES, jsonFile, root as CONTRACT_ROOT, webApiTypes } from '../../scripts/openapi-contract.mjs';
import { type RunningApi, startApi } from '../support/apps.js';

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
};

/**
 * The api's contract (issue 21): the document the api serves is valid OpenAPI 3.1 and is, byte for byte, the
 * checked-in openapi.json, and the web client's types are what openapi-typescript makes of that file. A response
 * schema changed without `npm run openapi:generate` fails here.
 */
describe('OpenAPI document', () => {
  let api: RunningApi;
  let served: Document;

  beforeAll(async () => {
    api = await startApi();
    served = (await request(api.url).get('/api/docs/openapi.json').expect(200).expect('content-type', /json/)).body as Document;
  });
  afterAll(() => api.close());

  it('is valid OpenAPI 3.1', async () => {
    const sut = new Validator();
    const result = await sut.validate(served as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(served.openapi).toBe('3.1.0');
  });

  it('is the checked-in openapi.json (run `npm run openapi:generate` after changing a schema)', () => {
    expect(jsonFile(served)).toBe(readFileSync(CONTRACT_FILES.openapi, 'utf8'));
  });

  it('is what `npm run openapi:generate` writes (its --check, in its own process, finds every contract file current)', () => {
    const run = spawnSync(process.execPath, [join(CONTRACT_ROOT, 'scripts/openapi-generate.mjs'), '--check'], { encoding: 'utf8' });
    expect({ status: run.status, out: run.stdout + run.stderr }).toEqual({ status: 0, out: '' });
  });

  it('types every success with a schema and documents the error body of every failure', () => {
    for (const [path, item] of Object.entries(served.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const statuses = Object.keys(op.responses);
        const success = statuses.filter((s) => s.startsWith('2'));
        expect({ path, method, success: success.length }).toEqual({ path, method, success: 1 });
        const ok = op.responses[success[0]!]!;
        if (success[0] !== '204')
          expect({ path, method, typed: Object.values(ok.content ?? {}).every((c) => c.schema) && !!ok.content }).toEqual({
            path,
            method,
            typed: true,
          });
        for (const status of statuses.filter((s) => Number(s) >= 400)) {
          expect(JSON.stringify(op.responses[status]!.content?.['application/json']?.schema)).toContain('#/components/schemas/ErrorBody');
        }
      }
    }
  });

  it('serves the UI at /api/docs', async () => {
    const res = await request(api.url).get('/api/docs').expect(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('gives the web client the types of the checked-in document (apps/web/src/api-types.ts)', async () => {
    expect(readFileSync(CONTRACT_FILES.webTypes, 'utf8')).toBe(await webApiTypes(JSON.parse(readFileSync(CONTRACT_FILES.openapi, 'utf8'))));
  });
});
