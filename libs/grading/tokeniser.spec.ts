import { FoldedText } from './text-normaliser.js';
import { isWordUnit, NON_ASCII_WORD_CHAR, Tokeniser } from './tokeniser.js';

const reader = new Tokeniser();
const tokenise = reader.tokenise.bind(reader);
const normaliseWords = reader.normaliseWords.bind(reader);
const stem = reader.stem.bind(reader);

describe('Tokeniser.tokenise', () => {
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

describe(isWordUnit.name, () => {
  it('is the word class of the pattern checks, code unit by code unit', () => {
    const disagree: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isWordUnit(c) !== (/[a-z0-9]/.test(ch) || NON_ASCII_WORD_CHAR.test(ch))) disagree.push(c);
    }
    expect(disagree).toEqual([]);
  });
});

describe('tokenise, word by word', () => {
  it('reads the same words from a text however often and among however many others it is met', () => {
    const text = 'Consistent hashing spreads keys; retries need idempotency keys.';
    const first = [...tokenise(FoldedText.of(text))].map((t) => [t.word, t.stem, t.start, t.end]);
    // Thousands of new words in between grow the word memo.
    for (let i = 0; i < 3_000; i++) tokenise(FoldedText.of(`word${i} other${i * 7} x${i}y`));
    expect([...tokenise(FoldedText.of(text))].map((t) => [t.word, t.stem, t.start, t.end])).toEqual(first);
    expect(first.map(([word]) => word)).toEqual(['consistent', 'hashing', 'spreads', 'keys', 'retries', 'need', 'idempotency', 'keys']);
  });

  it('still reads words right after very long ones have filled and emptied its memory', () => {
    const text = 'Shard by user id; replicas serve reads.';
    const before = [...tokenise(FoldedText.of(text))].map((t) => t.stem);
    for (const letter of ['a', 'b', 'c']) expect(tokenise(FoldedText.of(`x ${letter.repeat(1_200_000)} y`)).length).toBe(3);
    expect([...tokenise(FoldedText.of(text))].map((t) => t.stem)).toEqual(before);
  });

  it('splits words of other scripts and symbols as the word class says', () => {
    expect([...tokenise(FoldedText.of('naïve café → p99≤5ms 東京 ok'))].map((t) => t.word)).toEqual(['naive', 'cafe', 'p99', '5ms', '東京', 'ok']);
  });
});
