import type { AnyJobHandler } from './handler-index.js';
import { indexHandlers, MissingJobHandlerError } from './handler-index.js';

const handler: AnyJobHandler = { handle: async () => undefined };

describe(indexHandlers.name, () => {
  it('indexes one handler per job name', () => {
    const sut = indexHandlers([{ name: 'a', handler }], ['a']);
    expect(sut.get('a')).toBe(handler);
  });

  it('refuses to start when a job name has no handler', () => {
    expect(() => indexHandlers([{ name: 'a', handler }], ['a', 'b'])).toThrow(MissingJobHandlerError);
    expect(() => indexHandlers([], ['a', 'b'])).toThrow('no handler for job "a"; no handler for job "b"');
  });

  it('refuses duplicate and unknown handlers', () => {
    expect(() =>
      indexHandlers(
        [
          { name: 'a', handler },
          { name: 'a', handler },
        ],
        ['a'],
      ),
    ).toThrow(/two handlers/);
    expect(() =>
      indexHandlers(
        [
          { name: 'a', handler },
          { name: 'z', handler },
        ],
        ['a'],
      ),
    ).toThrow(/unknown job "z"/);
  });
});
