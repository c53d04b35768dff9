import { CodeUnits } from './code-units.js';

describe(CodeUnits.name, () => {
  it('gives the code units of any text, lone surrogates included, and grows for long ones', () => {
    const buffer = new CodeUnits();
    for (const text of ['plain', 'a\ud800b\udc00\ue000\uffff é', 'long '.repeat(5_000)]) {
      const got = buffer.of(text);
      expect(Array.from(got.subarray(0, text.length))).toEqual(Array.from(text, (_, i) => text.charCodeAt(i)));
    }
  });
});
