import { z } from 'zod';
import { InvalidPayloadError } from './domain-error.js';
import { parsePayload } from './parse-payload.js';

describe(parsePayload.name, () => {
  const schema = z.object({ email: z.email(), nested: z.object({ n: z.number() }) });

  it('returns the parsed value', () => {
    expect(parsePayload(schema, { email: 'a@b.co', nested: { n: 1 } })).toEqual({ email: 'a@b.co', nested: { n: 1 } });
  });

  it('names every bad field', () => {
    let caught: unknown;
    try {
      parsePayload(schema, { email: 'nope', nested: { n: 'x' } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidPayloadError);
    const err = caught as InvalidPayloadError;
    expect(err.code).toBe('INVALID_PAYLOAD');
    expect(err.issues.map((i) => i.path)).toEqual(['email', 'nested.n']);
    expect(err.message).toMatch(/email .*nested\.n /);
  });
});
