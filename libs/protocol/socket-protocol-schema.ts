import { z } from 'zod';
import {
  clientAckDataSchemas,
  clientPayloadSchemas,
  errorDtoSchema,
  INTERVIEW_NAMESPACE,
  interviewerDeltaSchema,
  serverEventEnvelopeSchema,
  serverEventPayloadSchemas,
} from './interview-events.js';
import { type JsonSchema, toJsonSchema } from './json-schema.js';

/** One zod schema as JSON Schema; the named schemas it uses are gathered into `defs`. */
function convert(schema: z.ZodType, io: 'input' | 'output', defs: Record<string, unknown>): JsonSchema {
  const { root, defs: named } = toJsonSchema(schema, io);
  Object.assign(defs, named);
  return root;
}

const ack = (data: z.ZodType) => z.union([z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: errorDtoSchema })]);

/**
 * The live-session protocol (socket.io namespace `/interview`) as one JSON Schema document, generated from the
 * same zod schemas the gateway validates with and the client is typed with (docs/socket-protocol.schema.json).
 * `clientToServer`: each event's payload and its ack; `serverToClient`: each event as delivered (envelope and
 * payload). JSON Schema rather than AsyncAPI: any JSON Schema validator checks a recorded event against it.
 */
export function socketProtocolJsonSchema(): JsonSchema {
  const defs: Record<string, unknown> = {};
  const clientToServer = Object.fromEntries(
    (Object.keys(clientPayloadSchemas) as (keyof typeof clientPayloadSchemas)[]).map((event) => [
      event,
      {
        type: 'object',
        properties: { payload: convert(clientPayloadSchemas[event], 'input', defs), ack: convert(ack(clientAckDataSchemas[event]), 'output', defs) },
        required: ['payload', 'ack'],
      },
    ]),
  );
  const serverToClient: Record<string, JsonSchema> = Object.fromEntries(
    (Object.keys(serverEventPayloadSchemas) as (keyof typeof serverEventPayloadSchemas)[]).map((type) => [
      type,
      convert(serverEventEnvelopeSchema.extend({ type: z.literal(type) }).extend(serverEventPayloadSchemas[type].shape), 'output', defs),
    ]),
  );
  serverToClient.error = convert(errorDtoSchema, 'output', defs);
  serverToClient['interviewer:delta'] = convert(interviewerDeltaSchema, 'output', defs);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Mock Interview live-session protocol',
    description: `socket.io namespace ${INTERVIEW_NAMESPACE}. Generated from libs/protocol by \`npm run openapi:generate\`; see docs/protocol.md.`,
    type: 'object',
    properties: {
      clientToServer: { type: 'object', properties: clientToServer },
      serverToClient: { type: 'object', properties: serverToClient },
    },
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))),
  };
}
