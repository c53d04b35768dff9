import { NUL_SYMBOL, toStorable } from './storable-text.js';

describe(toStorable.name, () => {
  it('shows NUL as ␀ and replaces lone surrogates, in strings and keys at any depth', () => {
    const sut = toStorable({ stdout: 'a\u0000b', tests: [{ actual: { 'k\u0000': ['\ud800x', '😀'] } }], n: 3, ok: true, none: null });
    expect(sut).toEqual({ stdout: `a${NUL_SYMBOL}b`, tests: [{ actual: { [`k${NUL_SYMBOL}`]: ['\uFFFDx', '😀'] } }], n: 3, ok: true, none: null });
    expect(JSON.stringify(sut)).not.toMatch(/\\u0000|\\ud800/);
  });
});
