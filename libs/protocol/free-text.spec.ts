import { freeText } from './free-text.js';

describe('freeText', () => {
  const sut = freeText().trim().min(1).max(10);

  it('keeps its own rules chained after it', () => {
    expect(sut.parse('  hello ')).toBe('hello');
    expect(sut.safeParse('x'.repeat(11)).success).toBe(false);
  });

  it('refuses a NUL anywhere, naming why', () => {
    const result = sut.safeParse('a\u0000b');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['must not contain NUL characters']);
  });
});
