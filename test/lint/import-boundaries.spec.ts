import { ESLint } from 'eslint';

/** The boundaries in CONVENTIONS.md are lint rules; these cases prove the rules fire (and do not over-fire). */
describe('import boundaries (eslint.config.js)', () => {
  const sut = new ESLint({ cwd: process.cwd() });

  async function ruleIds(filePath: string, code: string): Promise<string[]> {
    const [result] = await sut.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
  }

  it.each([
    ['libs/auth/auth.service.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n"],
    ['apps/api/main.ts', "import { Repository } from 'typeorm';\nexport const x = Repository;\n"],
    ['libs/auth/auth.service.ts', "import { InjectRepository } from '@nestjs/typeorm';\nexport const x = InjectRepository;\n"],
    ['libs/grading/grading.service.ts', "import OpenAI from 'openai';\nexport const x = OpenAI;\n"],
    ['libs/auth/auth.service.ts', "import { x } from '#libs/config/app-config';\nexport const y = x;\n"],
    ['libs/auth/auth.service.ts', "import { x } from '../config/index.js';\nexport const y = x;\n"],
    ['libs/auth/auth.service.ts', "import { x } from '../../apps/api/main.js';\nexport const y = x;\n"],
    ['apps/api/main.ts', "import { x } from '../../libs/config/index.js';\nexport const y = x;\n"],
    ['libs/interview/grade-answer.service.ts', "import { Counter } from 'prom-client';\nexport const x = Counter;\n"],
    ['libs/realtime/interview.gateway.ts', "import { trace } from '@opentelemetry/api';\nexport const x = trace;\n"],
    ['libs/queue/queue-telemetry.ts', "import { BullMQOtel } from 'bullmq-otel';\nexport const x = BullMQOtel;\n"],
  ])('refuses the import in %s: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['apps/web/src/x.ts', "import { loadConfig } from '../../../libs/config/index.js';\nexport const y = loadConfig;\n"],
    ['apps/web/src/x.tsx', "import { INTERVIEW_NAMESPACE } from '../../../libs/protocol/index.js';\nexport const y = INTERVIEW_NAMESPACE;\n"],
    ['apps/web/src/x.ts', "import { Injectable } from '@nestjs/common';\nexport const y = Injectable;\n"],
    ['apps/web/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n"],
  ])('keeps server code out of the web client: refuses %s: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('lets the web client share the protocol as types only', async () => {
    const code = "import type { ServerEvent } from '../../../libs/protocol/index.js';\nexport type E = ServerEvent;\n";
    expect(await ruleIds('apps/web/src/x.ts', code)).toEqual([]);
  });

  it('refuses process.env outside libs/config', async () => {
    expect(await ruleIds('libs/auth/auth.service.ts', 'export const x = process.env.JWT_SECRET;\n')).toContain('no-restricted-properties');
  });

  it.each([
    ['libs/auth/users.repository.ts', "import { Repository } from 'typeorm';\nexport type R = Repository<object>;\n"],
    ['libs/db/migrate.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n"],
    ['libs/auth/auth.module.ts', "import { TypeOrmModule } from '@nestjs/typeorm';\nexport const x = TypeOrmModule;\n"],
    ['libs/grading/openai.grader.ts', "import OpenAI from 'openai';\nexport const x = OpenAI;\n"],
    ['libs/metrics/metrics.service.ts', "import { Counter } from 'prom-client';\nexport const x = Counter;\n"],
    ['libs/tracing/span.ts', "import { trace } from '@opentelemetry/api';\nexport const x = trace;\n"],
    ['libs/config/app-config.ts', 'export const x = process.env.PORT;\n'],
    ['libs/auth/auth.service.ts', "import { x } from '#libs/config';\nimport { y } from './auth.dto.js';\nexport const z = [x, y];\n"],
  ])('allows %s', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });

  // Rows are parsed at the repository boundary (`rows(schema, result)` from libs/db), never cast (issue 23).
  const query =
    'declare const m: { query<T = unknown>(s: string): Promise<T> };\ndeclare const s: unknown;\ndeclare function rows(a: unknown, b: unknown): unknown;\ndeclare function firstRow(a: unknown, b: unknown): unknown;\n';
  it.each([
    ['libs/review/review.repository.ts', 'export const f = (r: Record<string, unknown>) => r.id as string;\n'],
    ['libs/interview/session-rows.ts', 'export const f = (r: Record<string, unknown>) => <string>r.id;\n'],
    ['libs/interview/session-views.ts', 'export const f = (g: { body: unknown }) => g.body as { overall: number };\n'],
    [
      'libs/waitlist/outbox.repository.ts',
      'declare const m: { query(s: string): Promise<any> };\nexport async function f() {\n  const found: { id: string }[] = await m.query(`SELECT 1`);\n  return found;\n}\n',
    ],
  ])('refuses a cast row in %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-syntax');
  });

  it.each([
    ['a type argument on .query', `${query}export async function f() {\n  return rows(s, await m.query<{ email: string }[]>(\`SELECT 1\`));\n}\n`],
    [
      'an unannotated result, a field read off it',
      `${query}export async function f() {\n  const z = await m.query(\`SELECT 1\`);\n  return z[0].emial;\n}\n`,
    ],
    ['a field read off the awaited result', `${query}export async function f() {\n  return (await m.query(\`SELECT 1\`))[0].emial;\n}\n`],
    ['the result returned as typed rows', `${query}export function f(): Promise<{ id: string }[]> {\n  return m.query(\`SELECT 1\`);\n}\n`],
    ['a .then on the result', `${query}export function f() {\n  return m.query(\`SELECT 1\`).then((r: { x: 1 }[]) => r[0]);\n}\n`],
  ])('refuses an untyped raw query in a repository: %s', async (_what, code) => {
    expect(await ruleIds('libs/auth/users.repository.ts', code)).toContain('no-restricted-syntax');
  });

  it.each([
    ['libs/review/review.repository.ts', "export const KINDS = ['a', 'b'] as const;\n"],
    [
      'libs/interview/sessions.repository.ts',
      'declare const m: { query(s: string): Promise<unknown> };\nexport async function f() {\n  const result: unknown = await m.query(`SELECT 1`);\n  return result;\n}\n',
    ],
    ['libs/review/review.service.ts', 'export const f = (r: Record<string, unknown>) => r.id as string;\n'],
    [
      'libs/auth/users.repository.ts',
      `${query}export async function f() {\n  await m.query(\`UPDATE x SET y = 1\`);\n  return firstRow(s, await m.query(\`SELECT 1\`));\n}\n`,
    ],
    ['libs/interview/sessions.repository.ts', `${query}export class X {\n  sql(q: string): Promise<unknown> {\n    return m.query(q);\n  }\n}\n`],
  ])('allows in %s: %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-syntax');
  });
});
