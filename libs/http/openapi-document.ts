import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import { type ErrorCode } from '#libs/errors';
import { toJsonSchema } from '#libs/protocol';
import { contractOf } from './api-contract.js';
import { errorBodySchema } from './error-body.js';
import { httpStatusFor } from './http-status.js';

/** Where the api serves its document: the UI, and the JSON that `openapi.json` at the repository root must equal. */
const OPENAPI_UI_PATH = 'api/docs';
const OPENAPI_JSON_PATH = 'api/docs/openapi.json';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Any request can meet these: an unexpected failure, or Postgres/Redis not answering. */
const ALWAYS: ErrorCode[] = ['INTERNAL', 'UNAVAILABLE'];

/**
 * zod 4 to JSON Schema 2020-12 (OpenAPI 3.1's dialect). Request schemas are inlined (`input`: what a client may
 * send, defaults optional); response schemas (`output`) keep their `.meta({ id })` names as components.
 */
function toOpenApiSchema(schema: unknown, { schemaType }: { schemaType: 'input' | 'output' }) {
  if (!(schema instanceof z.ZodType)) return undefined;
  const { root, defs } = toJsonSchema(schema, schemaType, '#/components/schemas/');
  return { schema: root, components: defs };
}

type Operation = {
  operationId: string;
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
};

/** Error responses from each operation's contract, grouped by HTTP status, each naming the codes it may carry. */
function documentContract(op: Operation): void {
  const contract = contractOf(op.operationId);
  const codes = new Set<ErrorCode>(contract.errors);
  if (!contract.public) {
    codes.add('UNAUTHENTICATED');
    op.security = [{ bearer: [] }];
  }
  if (op.requestBody || op.parameters?.some((p) => p.in === 'query')) codes.add('INVALID_PAYLOAD');
  for (const code of ALWAYS) codes.add(code);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(httpStatusFor(code), [...(byStatus.get(httpStatusFor(code)) ?? []), code]);
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const sorted = list.sort();
    op.responses[String(status)] = {
      description: sorted.join(', '),
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/ErrorBody' },
              { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string', enum: sorted } } } } },
            ],
          },
        },
      },
    };
  }
  for (const [mediaType, description] of contract.files) {
    const ok = op.responses['200'] as { description: string; content?: Record<string, unknown> } | undefined;
    op.responses['200'] = {
      description: ok ? `${ok.description}; ${description}` : description,
      content: { ...ok?.content, [mediaType]: { schema: { type: 'string' } } },
    };
  }
}

const sortKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/**
 * The api's OpenAPI 3.1 document, from the controllers' zod schemas and contracts. Only `/api` routes. Also what
 * `npm run openapi:generate` writes (scripts/openapi-contract.mjs imports it from dist/, where knip cannot see it).
 * @public
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Mock Interview api')
    .setDescription(
      'Live AI mock interviews: sessions, transcripts, review, waitlist and rollout. The live session itself is socket.io (docs/protocol.md, docs/socket-protocol.schema.json).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { standardSchemaConverter: toOpenApiSchema });
  document.paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => path.startsWith('/api/')));
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (op) documentContract(op);
    }
  }
  const errorBody = toOpenApiSchema(errorBodySchema, { schemaType: 'output' })!;
  document.components = {
    ...document.components,
    schemas: sortKeys({ ...document.components?.schemas, ...(errorBody.components as Record<string, object>) }),
  };
  return document;
}

/** Serves the document: the UI at `/api/docs`, the JSON at `/api/docs/openapi.json`. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
  });
}
