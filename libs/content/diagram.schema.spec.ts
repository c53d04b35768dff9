import { diagramExpectationsSchema } from './diagram.schema.js';
import { probeSchema } from './scenario.schema.js';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('diagramExpectationsSchema', () => {
  it('accepts components, flows (a step may list alternatives) and checks from the fixed set', () => {
    const sut = diagramExpectationsSchema.safeParse({
      components: [{ category: 'queue', keyPoint: 'fan-out' }],
      flows: [{ path: [['service', 'gateway'], 'queue', 'worker'], keyPoint: 'fan-out' }],
      checks: [{ id: 'client-to-database', message: 'Clients should go through a service.', mistake: 'no-fault-tolerance' }],
    });
    expect(messages(sut)).toEqual([]);
  });

  it('refuses an unknown category or check, a one-step flow and a check bearing on nothing', () => {
    const sut = diagramExpectationsSchema.safeParse({
      components: [
        { category: 'unknown', keyPoint: 'a' },
        { category: 'mainframe', keyPoint: 'a' },
      ],
      flows: [{ path: ['queue'], keyPoint: 'a' }],
      checks: [
        { id: 'no-such-check', message: 'x', keyPoint: 'a' },
        { id: 'client-to-database', message: 'x' },
      ],
    });
    expect(messages(sut)).toEqual([
      'components.0.category: a diagram expectation names a known category',
      expect.stringMatching(/^components\.1\.category: /),
      expect.stringMatching(/^flows\.0\.path: /),
      expect.stringMatching(/^checks\.0\.id: /),
      'checks.1: a check names the key point or the mistake it bears on',
    ]);
  });

  it('refuses a check declared twice', () => {
    const check = { id: 'queue-without-consumer-group', message: 'x', keyPoint: 'a' };
    expect(messages(diagramExpectationsSchema.safeParse({ checks: [check, check] }))).toEqual([
      'checks.1.id: duplicate check "queue-without-consumer-group"',
    ]);
  });
});

describe('probeSchema', () => {
  it('lets a probe conditioned on the board name its elements', () => {
    expect(
      messages(probeSchema.safeParse({ id: 'p', when: { board: ['client-to-database'] }, text: 'I see {from} talks straight to {to}.' })),
    ).toEqual([]);
  });

  it('refuses board slots without a board condition', () => {
    expect(messages(probeSchema.safeParse({ id: 'p', when: { said: ['kafka'] }, text: 'I see {from} talks to {to}.' }))).toEqual([
      'text: slot "{from}" names a board element: the probe needs when.board',
      'text: slot "{to}" names a board element: the probe needs when.board',
    ]);
  });
});
