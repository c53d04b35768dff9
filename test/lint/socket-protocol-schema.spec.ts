import { readFileSync } from 'node:fs';
import { clientPayloadSchemas, serverEventPayloadSchemas } from '../../libs/protocol/interview-events.js';
import { socketProtocolJsonSchema } from '../../libs/protocol/socket-protocol-schema.js';

const DOCUMENT = new URL('../../docs/socket-protocol.schema.json', import.meta.url);

type Section = { properties: Record<string, { properties?: Record<string, unknown>; $ref?: string }> };

describe(socketProtocolJsonSchema.name, () => {
  const sut = socketProtocolJsonSchema();

  it('is the checked-in docs/socket-protocol.schema.json (run `npm run openapi:generate` after changing a schema)', () => {
    expect(`${JSON.stringify(sut, null, 2)}\n`).toBe(readFileSync(DOCUMENT, 'utf8'));
  });

  it('describes every client event with its payload and ack, and every server event', () => {
    const { clientToServer, serverToClient } = sut.properties as { clientToServer: Section; serverToClient: Section };
    expect(Object.keys(clientToServer.properties)).toEqual(Object.keys(clientPayloadSchemas));
    for (const event of Object.values(clientToServer.properties)) expect(Object.keys(event.properties ?? {})).toEqual(['payload', 'ack']);
    expect(Object.keys(serverToClient.properties)).toEqual([...Object.keys(serverEventPayloadSchemas), 'error', 'interviewer:delta']);
  });

  it('types the grade and the report instead of leaving them open', () => {
    const { serverToClient } = sut.properties as { serverToClient: Section };
    expect(serverToClient.properties['grade:scored']?.properties?.grade).toEqual({ $ref: '#/$defs/Grade' });
    expect(serverToClient.properties['session:report']?.properties?.report).toEqual({ $ref: '#/$defs/SessionReport' });
    expect(Object.keys(sut.$defs as object)).toEqual(expect.arrayContaining(['Grade', 'SessionReport', 'CodeReportSection', 'SessionState']));
  });
});
