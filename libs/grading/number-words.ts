/**
 * Figures said in words, as a spoken answer or a transcript says them, written as figures so a sum can be redone:
 * "twelve billion" → "12 billion", "four hundred thousand" → "400 thousand", "seven hundred and fifty" → "750",
 * "three and a half thousand" → "3.5 thousand", "two and a half gigabytes" → "2.5 GB". Only cardinals: "a" counts
 * as one only before "hundred", "thousand", "million", "billion" or "trillion" ("a second" stays a second), and an
 * ordinal ("the first ten") is left as it is. Byte units in words become their symbols.
 */
const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const BYTE_WORDS: Readonly<Record<string, string>> = { kilobyte: 'KB', megabyte: 'MB', gigabyte: 'GB', terabyte: 'TB', petabyte: 'PB' };

const NUMBER_WORD = [...Object.keys(UNITS), 'hundred', ...Object.keys(SCALES)].join('|');
const FIRST_WORD = Object.keys(UNITS).join('|');
/**
 * A run of number words: "four hundred thousand", "seven hundred and fifty", "twenty-five", "a hundred", "three and a
 * half". It starts on a number below a hundred (or "a" before a scale): a bare "million" after digits ("50 million")
 * is already a figure. "And" joins only after "hundred" or a scale ("two and three replicas" are two figures).
 */
const RUN = new RegExp(
  String.raw`\b(?:a(?=\s+(?:hundred|thousand|million|billion|trillion)\b)|(?:${FIRST_WORD}))(?:(?:\s+|-|(?<=hundred|thousand|million|billion|trillion)\s+and\s+|\s+and\s+a\s+half\s+(?=thousand|million|billion|trillion))(?:${NUMBER_WORD})\b)*(?:\s+and\s+a\s+half\b)?`,
  'gi',
);

/** The value of a run and the scale word it ends on, if any ("twelve billion" → 12, "billion"). */
function valueOfRun(run: string): { value: number; scale?: string } {
  const words = run.toLowerCase().split(/[\s-]+/);
  let total = 0;
  let current = 0;
  let lastScale: string | undefined;
  let half = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === 'and' && words[i + 1] === 'a' && words[i + 2] === 'half') {
      half = true;
      i += 2;
      continue;
    }
    if (word === 'a') {
      current = 1;
      continue;
    }
    if (word === 'and') continue;
    lastScale = undefined;
    if (word in UNITS) current += UNITS[word] ?? 0;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word in SCALES) {
      // "three and a half thousand": the half is of the scale that follows it.
      const amount = (current || 1) + (half ? 0.5 : 0);
      half = false;
      total += amount * (SCALES[word] ?? 1);
      current = 0;
      lastScale = word;
    }
  }
  const value = total + current + (half ? 0.5 : 0);
  return lastScale ? { value: value / (SCALES[lastScale] ?? 1), scale: lastScale } : { value };
}

/** `text` with its cardinal number words and byte-unit words written as figures and symbols. */
export function withFigures(text: string): string {
  if (!/[a-z]/i.test(text)) return text;
  // "A couple of thousand" is two thousand; "a few" says no figure.
  const couple = text.replace(/\ba couple of (?=(?:hundred|thousand|million|billion|trillion|seconds|minutes|hours|days)\b)/gi, 'two ');
  const figures = couple.replace(RUN, (run) => {
    const { value, scale } = valueOfRun(run.trim());
    const trailing = /\s*$/.exec(run)?.[0] ?? '';
    return `${Number(value.toPrecision(12))}${scale ? ` ${scale}` : ''}${trailing}`;
  });
  return figures.replace(/\b(kilo|mega|giga|tera|peta)bytes?\b/gi, (word, prefix: string) => BYTE_WORDS[`${prefix.toLowerCase()}byte`] ?? word);
}

/** Whether `text` states a figure, in digits or in words. */
export function statesFigures(text: string): boolean {
  RUN.lastIndex = 0;
  return /\d/.test(text) || RUN.test(text);
}

/** A figure: digits with separators, an optional exponent ("3.5e12"), an optional magnitude ("M", "billion"). */
export const FIGURE = String.raw`(\d+(?:[.,]\d+)*(?:e\d+)?)(?:\s*(k|thousand|m|mn|million|b|bn|billion|t|tn|trillion)(?![a-z]))?`;
const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
};

/** A figure's value: "1,200" and "3.5" (a decimal comma too), times its magnitude ("M", "billion"). */
export const valueOf = (digits: string, magnitude: string | undefined): number =>
  Number(digits.replace(/,(?=\d{3}(?!\d))/g, '').replace(',', '.')) * (magnitude ? (SCALE[magnitude.toLowerCase()] ?? 1) : 1);
