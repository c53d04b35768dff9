import { clauseStarts, inSameClause } from './clause-bounds.js';
import { FoldedText } from './text-normaliser.js';
import { Tokeniser } from './tokeniser.js';

describe(clauseStarts.name, () => {
  const starts = (text: string) => {
    const tokens = new Tokeniser().tokenise(FoldedText.of(text));
    return { words: [...tokens].map((t) => t.word), starts: clauseStarts(text, tokens, 0, tokens.length) };
  };

  it('starts a clause at a clause-opening word and after a comma, semicolon, colon or dash', () => {
    const sut = starts('Ordering is not a concern because NTP syncs clocks; we sort by time, then - mostly - by id.');
    expect(sut.starts.map((at) => sut.words[at])).toEqual(['because', 'we', 'then', 'mostly', 'by']);
  });

  it('starts none inside a plain clause', () => {
    expect(starts('We do not rely on NTP keeping the clocks in sync').starts).toEqual([]);
  });
});

describe(inSameClause.name, () => {
  it('holds when no clause begins after the first position and by the second', () => {
    expect(inSameClause([5, 9], 1, 4)).toBe(true);
    expect(inSameClause([5, 9], 1, 5)).toBe(false);
    expect(inSameClause([5, 9], 5, 8)).toBe(true);
  });
});
