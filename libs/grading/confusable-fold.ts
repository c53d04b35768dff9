import { confusablesMap } from 'confusables';

/**
 * Folds one character (already NFKC-normalised, marks stripped, lower-cased) to the ASCII a
 * reader sees. The `confusables` package is written for profanity filters and maps some
 * letters to the wrong reading (Greek Ι and Turkish ı to `l`, small iota to `L`, ß to `B`,
 * Γ to `L`), so the look-alikes that matter for English technical text are listed here
 * first and the package is only a fallback for the long tail.
 */
const READER_SEES: Readonly<Record<string, string>> = {
  // Greek capitals and small letters that share a glyph with Latin ones.
  α: 'a',
  β: 'b',
  ε: 'e',
  ζ: 'z',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ϲ: 'c',
  ϳ: 'j',
  ω: 'w',
  // Cyrillic (capitals are lower-cased before this table is consulted).
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  г: 'r',
  ь: 'b',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  ɡ: 'g',
  ɑ: 'a',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ŀ: 'l',
  ħ: 'h',
  // Punctuation look-alikes, so a fake delimiter or role marker cannot hide.
  '‹': '<',
  '〈': '<',
  '⟨': '<',
  ᐸ: '<',
  '❮': '<',
  '›': '>',
  '〉': '>',
  '⟩': '>',
  ᐳ: '>',
  '❯': '>',
  '⁄': '/',
  '∕': '/',
  '⧸': '/',
  '꞉': ':',
  ː: ':',
  '∶': ':',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '‘': "'",
  '’': "'",
  ʼ: "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
  '…': '...',
  '•': '*',
  '·': '*',
  '▪': '*',
};

/**
 * Glyphs that read as a capital I or a small l depending on the font and the word: the
 * fold marks them so the tokeniser can pick the reading the rubric vocabulary knows.
 */
export const AMBIGUOUS_I_L = '\ue000';
const I_OR_L: ReadonlySet<string> = new Set(['Ι', 'І', 'Ӏ', 'ӏ', 'ǀ', '∣', 'ⅼ', 'Ⅰ', 'ℐ', 'ℑ']);

/** Invisible characters (zero-width, joiners, soft hyphen, bidi controls, marks) vanish. */
const FORMAT_OR_MARK = /^[\p{Cf}\p{M}]$/u;
const BLANK_LETTERS: ReadonlySet<string> = new Set(['\u00ad', '\u034f', '\u115f', '\u1160', '\u17b4', '\u17b5', '\u3164', '\uffa0']);
const MARKS = /\p{M}/gu;

/** A `FoldMemo` stops remembering code points past this many (a hostile answer of rare characters must not pin memory). */
const MAX_FOLD_MEMO = 20_000;

/** Code point → its fold, remembered by whoever owns it (a grader engine, or one text's fold). */
export type FoldMemo = Map<string, string>;

/** The ASCII (or, for scripts without look-alikes, lower-case) reading of one code point; `memo` remembers it. */
export function foldCodePoint(ch: string, memo: FoldMemo): string {
  const hit = memo.get(ch);
  if (hit !== undefined) return hit;
  const folded = computeFold(ch);
  if (memo.size < MAX_FOLD_MEMO) memo.set(ch, folded);
  return folded;
}

function computeFold(ch: string): string {
  // Checked on the raw glyph: NFKC would turn ℐ into I and lose the ambiguity.
  if (I_OR_L.has(ch)) return AMBIGUOUS_I_L;
  if (FORMAT_OR_MARK.test(ch) || BLANK_LETTERS.has(ch)) return '';
  let out = '';
  for (const part of ch.normalize('NFKC')) {
    if (I_OR_L.has(part)) {
      out += AMBIGUOUS_I_L;
      continue;
    }
    const bare = part.normalize('NFD').replace(MARKS, '').toLowerCase().normalize('NFC');
    for (const c of bare) out += foldLetter(c);
  }
  return out;
}

function foldLetter(c: string): string {
  if (c.charCodeAt(0) < 128) return c;
  const mine = READER_SEES[c];
  if (mine !== undefined) return mine;
  const theirs = confusablesMap.get(c) ?? confusablesMap.get(c.toUpperCase());
  // Only letters and digits from the package; its punctuation mappings are too loose.
  if (theirs !== undefined && /^[A-Za-z0-9]+$/.test(theirs)) return theirs.toLowerCase();
  return c;
}
