import { CodeUnits } from './code-units.js';
import { WordMemo, wordHash } from './word-memo.js';

describe(WordMemo.name, () => {
  const units = (text: string) => new CodeUnits().of(text);

  it('finds a word by its code units where it stands in a text', () => {
    const memo = new WordMemo<string>();
    const word = units('cache');
    memo.set(word, 0, 5, wordHash(word, 0, 5), 'found');
    const text = units('a write-through cache, then');
    expect(memo.get(text, 16, 21, wordHash(text, 16, 21))).toBe('found');
    expect(memo.get(text, 16, 20, wordHash(text, 16, 20))).toBeUndefined();
  });

  it('never answers for a different word with the same hash', () => {
    const memo = new WordMemo<string>();
    memo.set(units('shard'), 0, 5, 7, 'shard');
    memo.set(units('queue'), 0, 5, 7, 'queue');
    expect(memo.get(units('queue'), 0, 5, 7)).toBe('queue');
    expect(memo.get(units('shard'), 0, 5, 7)).toBe('shard');
    expect(memo.get(units('index'), 0, 5, 7)).toBeUndefined();
    expect(memo.get(units('shards'), 0, 6, 7)).toBeUndefined();
  });

  it('keeps every word as it grows, and forgets them all when cleared', () => {
    const memo = new WordMemo<number>();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}${'x'.repeat(i % 7)}`);
    words.forEach((w, i) => {
      const u = units(w);
      memo.set(u, 0, w.length, wordHash(u, 0, w.length), i);
    });
    expect(memo.size).toBe(words.length);
    expect(memo.chars).toBe(words.reduce((n, w) => n + w.length, 0));
    expect(words.every((w, i) => memo.get(units(w), 0, w.length, wordHash(units(w), 0, w.length)) === i)).toBe(true);
    memo.clear();
    expect(memo.size).toBe(0);
    expect(memo.get(units('w0'), 0, 2, wordHash(units('w0'), 0, 2))).toBeUndefined();
  });
});
