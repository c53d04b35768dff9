import { FoldedText } from './text-normaliser.js';
import { normaliseWords, stem, tokenise } from './tokeniser.js';

describe(tokenise.name, () => {
  it('treats punctuation as a separator and stems words', () => {
    const words = [...tokenise(FoldedText.of('Trade-offs: retries, retrying; RETRIED!'))];
    expect(words.map((t) => t.word)).toEqual(['trade', 'offs', 'retries', 'retrying', 'retried']);
    expect(new Set(words.slice(2).map((t) => t.stem)).size).toBe(1);
  });

  it('reads an ambiguous I/l glyph the way the vocabulary knows it', () => {
    // Greek capital iota stands for "l" in "poΙΙing" and for "I" in "Ιdempotent".
    const known = new Set([stem('polling'), stem('idempotent')]);
    const words = [...tokenise(FoldedText.of('poΙΙing Ιdempotent'), (s) => known.has(s))].map((t) => t.word);
    expect(words).toEqual(['polling', 'idempotent']);
  });

  it('reads rates and common shorthand the way rubric terms are written', () => {
    expect(normaliseWords('40 writes/s on k8s behind an LB')).toEqual(normaliseWords('40 writes per second on kubernetes behind an load balancer'));
  });

  it('keeps original offsets for expanded tokens', () => {
    const source = 'pods/s on k8s';
    const tokens = [...tokenise(FoldedText.of(source))];
    expect(tokens.map((t) => source.slice(t.start, t.end))).toEqual(['pods', '/', 's', 'k8s'].flatMap((w) => (w === 'k8s' ? ['on', w] : [w])));
  });
});
