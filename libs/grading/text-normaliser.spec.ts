import { FoldedText } from './text-normaliser.js';
import { Tokeniser } from './tokeniser.js';

describe(FoldedText.name, () => {
  it('folds full-width letters (NFKC) and case', () => {
    const sut = FoldedText.of('Ｋａｆｋａ and ＲＥＤＩＳ');
    expect(sut.text).toBe('kafka and redis');
  });

  it('folds Cyrillic and Greek look-alikes to the Latin letters a reader sees', () => {
    // а, е, о, р, с are Cyrillic; Κ and ο are Greek.
    expect(FoldedText.of('wеbsоcket саche рush Κafkο').text).toBe('websocket cache push kafko');
  });

  it('does not follow the confusables package where it misreads letters', () => {
    // The package maps Turkish ı to "l", Greek small iota to "L" and ß to "B".
    expect(FoldedText.of('ıdempotent ιdempotent straße').text).toBe('idempotent idempotent strasse');
  });

  it('removes zero-width and soft-hyphen characters so they cannot split a word', () => {
    expect(FoldedText.of('idem\u200bpo\u00adtent web\u2060socket').text).toBe('idempotent websocket');
  });

  it('strips accents', () => {
    expect(FoldedText.of('càché rétry').text).toBe('cache retry');
  });

  it('maps every folded range back to the exact original substring', () => {
    const source = 'Ｗe usе ｍＴＬＳ\u200b between ａgents — and “SΙGNED” tokens ① ﬁle';
    const sut = FoldedText.of(source);
    const tokens = [...new Tokeniser().tokenise(sut)];
    expect(tokens.map((t) => t.word)).toEqual(['we', 'use', 'mtls', 'between', 'agents', 'and', 'signed', 'tokens', '1', 'file']);
    expect(tokens.map((t) => source.slice(t.start, t.end))).toEqual([
      'Ｗe',
      'usе',
      'ｍＴＬＳ',
      'between',
      'ａgents',
      'and',
      'SΙGNED',
      'tokens',
      '①',
      'ﬁle',
    ]);
    for (const t of tokens) expect(sut.sourceSlice(t.foldedStart, t.foldedEnd)).toBe(source.slice(t.start, t.end));
  });
});
