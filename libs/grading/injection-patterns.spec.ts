import { detectInjection } from './injection-detector.js';
import {
  anchor,
  compileWordPatterns,
  MAX_WORD_PATTERNS,
  one,
  PHRASE_WORD_IDS,
  WORD_PATTERN_SOURCE,
  WORD_PATTERNS,
  type Piece,
  type WordPatternSource,
} from './injection-patterns.js';
import { checkShorthand, MAX_TOKENS_PER_WORD } from './shorthand.js';
import { FoldedText } from './text-normaliser.js';
import { Tokeniser } from './tokeniser.js';

/** A seeded generator (the same texts every run). */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

/** Words that some way of matching `p` reads (gaps filled with shorthand and plain words, so a word may be two tokens). */
function sample(p: Piece, pick: (n: number) => number): string[] {
  switch (p.type) {
    case 'words':
      return [p.words[pick(p.words.length)] ?? ''];
    case 'seq':
      return p.pieces.flatMap((q) => sample(q, pick));
    case 'alt':
      return sample(p.options[pick(p.options.length)] as Piece, pick);
    case 'anchor':
      return sample(p.piece, pick);
    case 'opt':
      return pick(2) === 0 ? [] : sample(p.piece, pick);
    case 'many':
      return Array.from({ length: pick(3) }, () => sample(p.piece, pick)).flat();
    case 'gap': {
      const filler = ['lb', 'pubsub', 'kafka', 'x9', 'shards'];
      return Array.from({ length: p.min + pick(p.max - p.min + 1) }, () => filler[pick(filler.length)] ?? 'x');
    }
  }
}

describe('injection word patterns', () => {
  const tokeniser = new Tokeniser();
  const separators = [' ', ' ', ', ', ' - ', ' (', '; ', '\n'];

  it('agree with their generated anchors and token tests on every way of matching them', () => {
    const pick = random(7);
    WORD_PATTERN_SOURCE.forEach(({ kind, words }, k) => {
      const pattern = WORD_PATTERNS.patterns[k]!;
      for (let n = 0; n < 300; n++) {
        const phrase = sample(words, pick);
        const text = `Well, ${phrase.map((w, i) => (i === 0 ? w : `${separators[pick(separators.length)]}${w}`)).join('')} thanks.`;
        const folded = FoldedText.of(text);
        const tokens = tokeniser.tokenise(folded);
        const view = text.toLowerCase().replace(/[^a-z0-9\u0080-\uffff]+/g, ' ');
        const present = new Set(text.toLowerCase().match(/\b\w+\b/g));
        const report = { pattern: k, text };
        // The regex finds it, every anchor group has a word in the text, and the token test holds at its first word.
        expect({ ...report, regex: new RegExp(pattern.pattern.source).test(view) }).toEqual({ ...report, regex: true });
        expect({ ...report, anchors: pattern.anchors.every((group) => group.some((w) => present.has(w))) }).toEqual({ ...report, anchors: true });
        expect({ ...report, first: pattern.first.includes(phrase[0]!) }).toEqual({ ...report, first: true });
        expect({ ...report, tokens: pattern.startsAt(tokens.wordId, 1) }).toEqual({ ...report, tokens: true });
        // So the detector reports it, with the answer's tokens or without.
        const found = detectInjection(folded, tokens);
        expect(found).toEqual(detectInjection(text));
        expect({ ...report, kinds: found.findings.some((f) => f.kind === kind) }).toEqual({ ...report, kinds: true });
      }
    });
  });

  it('give every pattern word an id, which its tokens carry', () => {
    const words = [...PHRASE_WORD_IDS.keys()];
    const tokens = tokeniser.tokenise(FoldedText.of(words.join(' ')));
    expect([...tokens.wordId]).toEqual(words.map((w) => PHRASE_WORD_IDS.get(w)));
    expect(tokeniser.tokenise(FoldedText.of('kafka shards')).wordId).toEqual(new Int32Array([0, 0]));
  });

  it(`fails loudly past ${MAX_WORD_PATTERNS} patterns (one bit each in the token test's masks)`, () => {
    const source: WordPatternSource = { kind: 'instruction', words: anchor(one('jailbreak')) };
    expect(() => compileWordPatterns(Array.from({ length: MAX_WORD_PATTERNS }, () => source))).not.toThrow();
    expect(() => compileWordPatterns(Array.from({ length: MAX_WORD_PATTERNS + 1 }, () => source))).toThrow(/MAX_WORD_PATTERNS/);
  });

  it('refuses a pattern word the tokeniser would read as other words, or a pattern without an anchor', () => {
    expect(() => compileWordPatterns([{ kind: 'instruction', words: anchor(one('ignore lb')) }])).toThrow(/shorthand/);
    expect(() => compileWordPatterns([{ kind: 'instruction', words: anchor(one('per s')) }])).toThrow(/shorthand/);
    expect(() => compileWordPatterns([{ kind: 'instruction', words: one('ignore') }])).toThrow(/no anchor/);
  });
});

describe(checkShorthand.name, () => {
  it(`fails loudly for shorthand of more than ${MAX_TOKENS_PER_WORD} words`, () => {
    expect(() => checkShorthand(new Map([['lb', ['load', 'balancer']]]))).not.toThrow();
    expect(() => checkShorthand(new Map([['slb', ['software', 'load', 'balancer']]]))).toThrow(/MAX_TOKENS_PER_WORD/);
  });
});
