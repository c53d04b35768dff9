// Lint rules, including the import boundaries from CONVENTIONS.md (tested in test/lint).
import js from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier/flat';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const DB_LAYER = ['libs/db/**', '**/*.repository.ts', '**/*.entity.ts', '**/migrations/**'];
const OPENAI_PROVIDER = ['libs/grading/**/openai*.ts', 'libs/interviewer/openai*.ts'];
const CONFIG_LIB = ['libs/config/**'];
/** The row parsers of libs/db that a raw query's result goes through in a repository (issue 23). */
const ROW_PARSERS = ['rows', 'firstRow', 'onlyRow', 'affectedCount'];
const UNKNOWN_PROMISE_FN =
  ":function[returnType.typeAnnotation.typeName.name='Promise'][returnType.typeAnnotation.typeArguments.params.0.type='TSUnknownKeyword']";

const typeormOnlyInDbLayer = {
  name: 'typeorm',
  message: 'Only the db layer (libs/db, *.repository.ts, *.entity.ts, migrations) may import typeorm.',
};
const nestTypeormOnlyInModules = {
  name: '@nestjs/typeorm',
  message: 'Only the db layer and *.module.ts files may import @nestjs/typeorm.',
};
const promClientOnlyInMetrics = { name: 'prom-client', message: 'Only libs/metrics imports prom-client: record through MetricsService.' };
const otelOnlyInTracing = {
  group: ['@opentelemetry/*', 'bullmq-otel', 'import-in-the-middle'],
  message: 'Only libs/tracing imports OpenTelemetry: use withSpan, traceCarrier or bullmqTelemetry from #libs/tracing.',
};
const openaiOnlyInProvider = {
  name: 'openai',
  message: 'Only the OpenAI providers (libs/grading/openai*.ts, libs/interviewer/openai*.ts) may import openai.',
};
const noDeepLibImports = {
  regex: '^#libs/[^/]+/.',
  message: "Import a lib through its public surface ('#libs/<name>'), never its internals.",
};
const noAppsFromLibs = { regex: '(^|/)apps/', message: 'Libs never import apps.' };
const noRelativeLibCrossing = (depth) => ({
  group: [`${'../'.repeat(depth)}**`],
  message: "Reach another lib through '#libs/<name>', not a relative path.",
});

const restricted = (opts) => {
  const paths = [];
  if (!opts.typeorm) paths.push(typeormOnlyInDbLayer);
  if (!opts.nestTypeorm) paths.push(nestTypeormOnlyInModules);
  if (!opts.openai) paths.push(openaiOnlyInProvider);
  if (!opts.metrics) paths.push(promClientOnlyInMetrics);
  const observability = opts.tracing ? [] : [otelOnlyInTracing];
  return ['error', { paths, patterns: [noDeepLibImports, ...observability, ...(opts.patterns ?? [])] }];
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': restricted({}),
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only libs/config reads process.env; inject AppConfig instead.' },
      ],
    },
  },
  { files: ['libs/*/*.ts'], rules: { 'no-restricted-imports': restricted({ patterns: [noAppsFromLibs, noRelativeLibCrossing(1)] }) } },
  { files: ['libs/*/*/*.ts'], rules: { 'no-restricted-imports': restricted({ patterns: [noAppsFromLibs, noRelativeLibCrossing(2)] }) } },
  {
    files: ['apps/*/**/*.ts'],
    rules: { 'no-restricted-imports': restricted({ patterns: [{ group: ['**/libs/**'], message: "Use '#libs/<name>'." }] }) },
  },
  { files: ['**/*.module.ts'], rules: { 'no-restricted-imports': restricted({ nestTypeorm: true }) } },
  {
    files: ['libs/*/*.module.ts'],
    rules: { 'no-restricted-imports': restricted({ nestTypeorm: true, patterns: [noAppsFromLibs, noRelativeLibCrossing(1)] }) },
  },
  { files: DB_LAYER, rules: { 'no-restricted-imports': restricted({ typeorm: true, nestTypeorm: true }) } },
  { files: [...CONFIG_LIB, 'test/**', 'scripts/**', 'bench/**', '*.js'], rules: { 'no-restricted-properties': 'off' } },
  {
    files: ['test/**', '**/*.spec.ts', 'bench/**'],
    rules: { 'no-restricted-imports': restricted({ typeorm: true, nestTypeorm: true, openai: false }) },
  },
  { files: OPENAI_PROVIDER, rules: { 'no-restricted-imports': restricted({ openai: true }) } },
  {
    files: ['libs/metrics/*.ts'],
    rules: { 'no-restricted-imports': restricted({ metrics: true, patterns: [noAppsFromLibs, noRelativeLibCrossing(1)] }) },
  },
  {
    files: ['libs/tracing/*.ts'],
    rules: { 'no-restricted-imports': restricted({ tracing: true, patterns: [noAppsFromLibs, noRelativeLibCrossing(1)] }) },
  },
  // Rows are typed by parsing them at the repository boundary (`rows(schema, result)` from libs/db), never by a cast
  // or by annotating what a raw query answered (issue 23): in repositories, row schemas (*-rows.ts) and the mappers
  // from rows to views (*-views.ts).
  {
    files: ['libs/**/*.repository.ts', 'libs/**/*-rows.ts', 'libs/**/*-views.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression:not([typeAnnotation.type='TSTypeReference'][typeAnnotation.typeName.name='const']), TSTypeAssertion",
          message: 'No casts in repositories and row mappers: parse rows with rows(schema, result) from #libs/db.',
        },
        {
          selector: "CallExpression[callee.property.name='query'][typeArguments]",
          message: 'A type argument on a raw query is a cast: parse its rows with rows(schema, await m.query(…)) from #libs/db.',
        },
        {
          // An awaited raw query answers `any`: it goes straight into a row parser, is dropped, or is kept as `unknown`.
          selector: `AwaitExpression:not(${[
            'ExpressionStatement > AwaitExpression',
            `CallExpression[callee.name=/^(${ROW_PARSERS.join('|')})$/] > AwaitExpression`,
            "VariableDeclarator[id.typeAnnotation.typeAnnotation.type='TSUnknownKeyword'] > AwaitExpression",
          ].join(', ')}) > CallExpression[callee.property.name='query']`,
          message: `A raw query answers untyped rows: pass the awaited result straight to ${ROW_PARSERS.join('/')}(schema, …) from #libs/db (or keep it as unknown).`,
        },
        {
          // Not awaited: only returned from a function that declares Promise<unknown> (SessionTx.sql).
          selector: `CallExpression[callee.property.name='query']:not(AwaitExpression > CallExpression, ${UNKNOWN_PROMISE_FN} ReturnStatement > CallExpression)`,
          message: 'A raw query answers untyped rows: await it into a row parser (rows(schema, await m.query(…)) from #libs/db).',
        },
      ],
    },
  },
  // The web client runs in the browser: it shares only the protocol's types with the server (no Nest, no zod
  // in the bundle), and follows the rules of hooks.
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)libs/(?!protocol/)', message: 'The web client imports nothing from the server but the protocol types (libs/protocol).' },
            {
              regex: '(^|/)libs/protocol/',
              allowTypeImports: true,
              message: "Import libs/protocol with 'import type': its runtime would bring zod into the bundle.",
            },
            { regex: '^(#libs/|node:|@nestjs/|typeorm|bullmq|ioredis|pg$)', message: 'Server-only module: not in the browser bundle.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  // Layout is Prettier's (npm run format:check): no lint rule may disagree with it.
  prettier,
);
