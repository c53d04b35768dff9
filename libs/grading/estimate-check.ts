import type { Misconception } from './misconceptions.js';
import { FIGURE, valueOf, withFigures } from './number-words.js';

/**
 * Sums a candidate states in a capacity estimate, redone: a count over a period said per second ("100M links a month
 * works out to roughly 40,000 writes per second"), a power ("62^7 ≈ 3.5 trillion"), a product ("50M items × 128
 * dims × 4 bytes ≈ 25 GB"), a quotient ("4B msgs/day ÷ 86,400 ≈ 46k/s"), a count spread over a stretch of time
 * ("83k spread over the first minute, that's 1,400/s"), a count or a rate at a size each ("1M samples per
 * second, at 16 bytes each, is about 1.4 TB a day"), a count per period over a longer one ("200 TB a day, which
 * over a year comes to 73 PB") and a rate the sentence before ended on, multiplied out ("… is 120 MB per second.
 * Multiplying by 86,400 seconds gives roughly 1 TB per day"). A stated result off by more than a factor of three (estimates
 * round; a slipped digit or a wrong unit does not survive that) is a wrong claim like any other: the sentence earns
 * nothing and the line gives the right figure. Only a result the sentence ties to its own sum ("is", "≈", "=", "works out to") is checked;
 * a figure with a peak factor, another quantity or a unit this cannot convert in between is left alone.
 */
interface EstimateError {
  /** The sum redone, as a clause the feedback line can end with. */
  readonly correction: string;
}

/**
 * A wrong sum as a misconception of its own: its correction is the sum redone, and it counts against the estimate.
 * `saidBefore` is the sentence before in the same paragraph, for a sum that goes on from it ("4 billion messages a day.
 * Divided by 86,400 seconds that's roughly 4,600 per second"); `answerBefore` everything the answer said before it, for
 * a fleet sized against an estimate paragraphs earlier.
 */
export function estimateMisconceptions(said: string, saidBefore?: string, answerBefore?: string): Misconception[] {
  // Figures in words ("twelve billion links") are figures too.
  const text = withFigures(said);
  const previous = saidBefore === undefined ? undefined : withFigures(saidBefore);
  // A sum may go on from the clause before it too ("4 billion messages a day; divided by 86,400 that's about 4,600").
  const clauses = text.split(/;\s*/);
  const carried = [
    ...(previous === undefined ? [] : carriedErrors(previous, clauses[0] ?? '')),
    ...clauses.slice(1).flatMap((clause, i) => carriedErrors(clauses[i] ?? '', clause)),
  ];
  const own = errorsIn(text);
  // Little's law only where no sum of the sentence is already wrong: one wrong figure, one line.
  const little = own.length === 0 ? [...littlesLawErrors(text, previous), ...capacityErrors(text, previous, answerBefore)] : [];
  return [...own, ...carried, ...little].map((e) => ({
    id: 'wrong-estimate',
    dimension: 'capacity-estimation',
    claims: [],
    correction: e.correction,
  }));
}

/** How far a stated result may be from the sum before it is wrong (either way). */
const TOLERANCE = 3;

const BYTE_SCALE: Readonly<Record<string, number>> = { b: 1, byte: 1, bytes: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15 };
const SECONDS: Readonly<Record<string, number>> = {
  minute: 60,
  min: 60,
  hour: 3600,
  hr: 3600,
  h: 3600,
  day: 86_400,
  d: 86_400,
  week: 604_800,
  month: 2_592_000,
  mo: 2_592_000,
  year: 31_536_000,
  yr: 31_536_000,
};
const PERIOD_NAME: Readonly<Record<string, string>> = { min: 'minute', hr: 'hour', h: 'hour', d: 'day', mo: 'month', yr: 'year' };
/** Seconds in a period, as the line says them. */
const SECONDS_TEXT: Readonly<Record<string, string>> = {
  minute: '60',
  hour: '3,600',
  day: '86,400',
  week: '604,800',
  month: '2.6 million',
  year: '31.5 million',
};

/** "is", "≈", a spaced "~", a comma before "about", "works out to" …, and a hedge: what ties a stated result to the sum before it. */
const TIES = String.raw`(?:\s*(?:≈|~=|=|→|->|~(?=\s)|,(?=\s*(?:about|roughly|around|approximately)\b)|\bis\b|\bare\b|\bworks out to\b|\bcomes to\b|\bgives\b|\bmeans\b|\btranslates to\b|\bthat's\b))`;
const HEDGE = String.raw`(?:\s*(?:already|only|just))?(?:\s*(?:about|roughly|around|approximately|approx\.?|nearly|almost|maybe|~|≈))?\s*~?\s*`;

/** A count over a period: "100M new links a month", "10M/day", "4 billion messages per day". */
const OVER_PERIOD = new RegExp(
  String.raw`(?<![\w.^])${FIGURE}((?:\s+[a-z_-]+){0,3}?)\s*(?:\/\s*|\s+(?:per|a|an|each)\s+)(minute|min|hour|hr|h|day|d|week|month|mo|year|yr)\b`,
  'gi',
);
/** Right after it, tied to it, the same count per second: "is roughly 40,000 writes per second", "≈ 115/s". */
const PER_SECOND = new RegExp(
  String.raw`^(?:\s*,?\s*(?:over|across|divided by|÷)\s+(?:the\s+)?~?\s*\d[\d,.]*(?:\s*(?:k|thousand|m|million))?\s*(?:seconds?|secs?|s)\b)?(?:\s*,?\s*(?:which|that|so)(?=\s))?${TIES}${HEDGE}${FIGURE}(?:\s+[a-z_-]+){0,3}?\s*(?:\/\s*s(?:ec(?:ond)?)?\b|\s+(?:per|a|each)\s+second\b|\s*(?:qps|rps|tps)\b)`,
  'i',
);
/**
 * A peak named right after the figure ("1,200/s at peak") makes it a different estimate; a peak with a figure of its
 * own ("700 a second, peaking at 2 thousand") leaves the first figure the average.
 */
const PEAK_AFTER = /^[^.;]{0,20}\b(?:peak|burst|spike|top of|busiest|max)(?![^.;\d]{0,16}\d)/i;
/** …unless the figure is said to be the average first ("~3.5k req/s avg, ~10k/s peak"). */
const AVERAGE_AFTER = /^\s*(?:avg|average|on average|mean)\b/i;
/** Seconds are what a period is divided by, not a count ("2.6M s/month"). */
const SECONDS_NOUN = /^\s*(?:s|secs?|seconds)\s*$/i;

const POWER = /(?<![\w.])(\d+)\s*(?:\^|\*\*)\s*(\d+)/g;
const POWER_RESULT = new RegExp(String.raw`^(?:${TIES}|\s*,)${HEDGE}${FIGURE}`, 'i');

/** A stated result: tied to what precedes it, a figure, a byte unit, a time suffix. */
const RESULT = new RegExp(String.raw`${TIES}${HEDGE}${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)?([^;,.()\d≈=~→]{0,24})`, 'gi');
/** One factor of a product: a figure, a byte unit, up to three words ("50M items", "~100 B", "20k req/s"). */
const FACTOR = new RegExp(String.raw`^\s*~?\s*${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)?((?:\s*[a-z_/-]+){0,3})\s*$`, 'i');
const TIMES = /\s*(?:×|\*|\sx\s|\stimes\s|\smultiplied by\s)\s*/i;
/**
 * A capacity label before a sum's first figure ("Storage 4B × 300 B", "For memory, 1M keys × 100 bytes per key"). Any
 * other word may be a factor the sum leaves to the sentence before ("Logs at 50 lines/s x 300 B", with the pods
 * counted earlier).
 */
const LABEL = /^\s*(?:(?:for|on)\s+(?:the\s+)?)?(?:storage|memory|ram|disk|bandwidth|egress|ingress|index|total|raw|data),?\s+(?=~?\s*\d)/i;
/** Words up to a comma before a sum's first figure ("By Little's law, 5,000/s × 2 s"): a label, no factor. */
const LEAD = /^[^\d,]*,\s*(?=~?\s*\d)/;
/** A duration in seconds as a factor: times a rate per second it is a count ("1M samples/s × 86,400 s"). */
const IN_SECONDS = /^\s*(?:s|secs?|seconds?)\s*$/i;
/** What makes a figure something other than a count or a size: a duration, a share. */
const NOT_A_COUNT = /^\s*(?:ms|us|µs|ns|s|secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|%)\b/i;
const PER_SECOND_SUFFIX = /\/\s*s\b|per second|\b(?:rps|qps|tps)\b/i;
const PER_DAY_SUFFIX = /\/\s*d(?:ay)?\b|(?:per|a) day\b/i;
/** A result said per minute, hour, day or longer: the seconds it spans ("120 MB per minute"). */
const PER_LONGER_SUFFIX = /(?:\/\s*|\b(?:per|a|an)\s+)(minute|min|hour|hr|day|d|week|month|mo|year|yr)\b/i;
const PER_OTHER = /\bper (?!second\b)[a-z]|\/\s*(?!(?:s|secs?|seconds?|d|days?)\b)[a-z]/i;

/** A figure in bytes when it has a byte unit ("300 B", "2 MB"), as a count when it has none. */
const amount = (digits: string, magnitude: string | undefined, unit: string | undefined): number =>
  valueOf(digits, magnitude) * (unit === undefined ? 1 : (BYTE_SCALE[unit.trim().toLowerCase()] ?? 1));

const off = (stated: number, actual: number) => actual > 0 && stated > 0 && (stated / actual > TOLERANCE || actual / stated > TOLERANCE);

/** A figure as a person writes it: 39, 116, 1,160, 916 million, 3.5 trillion. */
function readable(n: number): string {
  const round = (x: number) =>
    x >= 1000 ? Number(x.toPrecision(2)).toLocaleString('en-US') : x >= 100 ? String(Math.round(x)) : String(Number(x.toPrecision(2)));
  for (const [scale, word] of [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ] as const) {
    if (n >= scale) return `${round(n / scale)} ${word}`;
  }
  return round(n);
}

function readableBytes(n: number): string {
  for (const [scale, unit] of [
    [1e15, 'PB'],
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'KB'],
  ] as const) {
    if (n >= scale) return `${Number((n / scale).toPrecision(2))} ${unit}`;
  }
  return `${Math.round(n)} bytes`;
}

const stated = (digits: string, magnitude: string | undefined, unit = '') =>
  `${digits}${magnitude ? (magnitude.length <= 2 ? magnitude : ` ${magnitude}`) : ''}${unit}`;

/** The sums in `text` (one sentence) whose stated result is off, each redone. */
export function estimateErrors(said: string): EstimateError[] {
  return errorsIn(withFigures(said));
}

/** The wrong sums of `text`, its figures already written as figures. */
function errorsIn(text: string): EstimateError[] {
  if (!/\d/.test(text)) return [];
  return [
    ...rateErrors(text),
    ...powerErrors(text),
    ...productErrors(text),
    ...eachErrors(text),
    ...quotientErrors(text),
    ...spreadErrors(text),
    ...longerErrors(text),
  ];
}

/**
 * A count over a period said per second (`rest`: what follows the rate), redone; none when it holds, or when a peak
 * named right after makes the rate another estimate.
 */
function perSecondError(
  count: string,
  countMag: string | undefined,
  period: string,
  rate: string,
  rateMag: string | undefined,
  rest: string,
): EstimateError[] {
  if (PEAK_AFTER.test(rest) && !AVERAGE_AFTER.test(rest)) return [];
  const seconds = SECONDS[period.toLowerCase()] ?? 0;
  if (seconds === 0) return [];
  const actual = valueOf(count, countMag) / seconds;
  if (!off(valueOf(rate, rateMag), actual)) return [];
  const name = PERIOD_NAME[period.toLowerCase()] ?? period.toLowerCase();
  return [
    {
      correction: `${stated(count, countMag)} a ${name} is about ${readable(actual)} per second (a ${name} has about ${SECONDS_TEXT[name] ?? readable(seconds)} seconds), not ${stated(rate, rateMag)}; redo the sum before it sizes the design`,
    },
  ];
}

function rateErrors(text: string): EstimateError[] {
  const errors: EstimateError[] = [];
  for (const m of text.matchAll(OVER_PERIOD)) {
    const [whole, digits = '', magnitude, noun = '', period = ''] = m;
    // A figure multiplied into it ("10M DAU × 20 notifications/day") is a factor, not the count, and so is a frequency
    // ("200M users opening the feed 10 times a day").
    if (SECONDS_NOUN.test(noun) || /^\s*times\s*$/i.test(noun) || /(?:×|\*|\sx)\s*~?\s*$/i.test(text.slice(0, m.index))) continue;
    const after = text.slice((m.index ?? 0) + whole.length);
    const target = PER_SECOND.exec(after);
    if (!target) continue;
    errors.push(...perSecondError(digits, magnitude, period, target[1] ?? '', target[2], after.slice(target[0].length)));
  }
  return errors;
}

function powerErrors(text: string): EstimateError[] {
  const errors: EstimateError[] = [];
  for (const m of text.matchAll(POWER)) {
    const [whole, base = '', exponent = ''] = m;
    const result = POWER_RESULT.exec(text.slice((m.index ?? 0) + whole.length));
    if (!result) continue;
    const actual = Number(base) ** Number(exponent);
    if (!off(valueOf(result[1] ?? '', result[2]), actual)) continue;
    errors.push({
      correction: `${base}^${exponent} is about ${readable(actual)}, not ${stated(result[1] ?? '', result[2])}; redo the sum before it sizes the key space`,
    });
  }
  return errors;
}

function productErrors(text: string): EstimateError[] {
  const errors: EstimateError[] = [];
  for (const m of text.matchAll(RESULT)) {
    const [, digits = '', magnitude, unit, suffix = ''] = m;
    if (NOT_A_COUNT.test(text.slice((m.index ?? 0) + m[0].length - suffix.length))) continue;
    // The sum: the clause before the tie, every part of it a factor joined by "×".
    // Commas stay: "1,200" is one figure, and "1M keys + 5M IPs, 3 counters each × 64 bytes" is one sum.
    // An earlier tie ends the sum before it ("… plus 3 variants -> 2 MB x 100M = ~200 GB/day", "at 500 bytes per record
    // that's 12B x 500 B, about 6 TB"), and a label before
    // its first figure is no factor ("Storage 4B × 300 B ≈ 120 GB/day").
    const tied =
      text
        .slice(0, m.index)
        .split(/[;:(]|\bso\b|\bthen\b|\bthat's\b|\bis\b|\bare\b|->|→|≈|=/i)
        .at(-1) ?? '';
    // ", and" begins another sum ("a sample is 1.5 bytes, and 1M samples/s × 86,400 s × 1.5 bytes is …").
    const clause = (tied.split(/,\s*and\b/i).at(-1) ?? '').replace(LEAD, '').replace(LABEL, '');
    const parts = clause.split(TIMES);
    if (parts.length < 2) continue;
    const factors = parts.map((part) => FACTOR.exec(part));
    if (factors.some((f) => f === null)) continue;
    const parsed = factors as RegExpExecArray[];
    // Seconds times a rate per second are a count; any other duration or share is a factor this cannot read.
    const rated = parsed.some((f) => PER_SECOND_SUFFIX.test(f[4] ?? ''));
    const duration = parsed.filter((f) => NOT_A_COUNT.test(f[4] ?? ''));
    if (duration.some((f) => !rated || f[3] !== undefined || !IN_SECONDS.test(f[4] ?? ''))) continue;
    // A factor "per feed open" or "per search" needs another factor the sentence leaves out, unless another factor
    // counts what it is per: "1M active keys × ~100 bytes per key".
    if (parsed.some((f) => PER_OTHER.test(f[4] ?? '') && !perAnother(f, parsed))) continue;
    const resultBytes = unit !== undefined;
    const result = amount(digits, magnitude, unit);
    const line = (actual: number, over = '') => productLine(clause, actual, resultBytes, over, stated(digits, magnitude, unit ?? ''));
    // Bare figures, their units said before ("at 300 bytes: 8,000 × 50 × 300 is 120 KB/s"): the product itself must
    // hold. ("300 B" written apart beside a size is bytes, read below.)
    if (parsed.every((f) => f[3] === undefined && (f[4] ?? '').trim() === '' && !(resultBytes && /\d\s+B/.test(f[0])))) {
      const actual = wrongBareProduct(parsed, result, resultBytes);
      if (actual !== null) errors.push(line(actual));
      continue;
    }
    let bytesOf = parsed.filter((f) => f[3] !== undefined);
    // "~100 B" beside a result in bytes is bytes, not billions; of "4B × 300 B", the one written apart.
    if (resultBytes && bytesOf.length === 0) {
      bytesOf = parsed.filter((f) => f[2] === 'B');
      if (bytesOf.length > 1) bytesOf = bytesOf.filter((f) => /\d\s+B/.test(f[0]));
    }
    if (bytesOf.length !== (resultBytes ? 1 : 0)) continue;
    let actual = 1;
    for (const f of parsed) {
      const isBytes = bytesOf.includes(f);
      const byteUnit = (f[3] ?? (isBytes && f[2] === 'B' ? 'b' : '')).trim().toLowerCase();
      actual *= valueOf(f[1] ?? '', isBytes && f[2] === 'B' ? undefined : f[2]) * (isBytes ? (BYTE_SCALE[byteUnit] ?? 1) : 1);
    }
    // Time suffixes must agree: per second × … = per second; per second × … = per minute, hour or day is the same sum
    // over that many seconds; a per-day result of plain counts ("50M DAU × 8 searches = 400M/day") is read as is.
    const perSecond = rated && duration.length === 0;
    const resultPerSecond = PER_SECOND_SUFFIX.test(suffix);
    const longer = resultPerSecond ? undefined : PER_LONGER_SUFFIX.exec(suffix)?.[1]?.toLowerCase();
    if (perSecond && longer) actual *= SECONDS[longer] ?? 1;
    else if (perSecond !== resultPerSecond) continue;
    if (off(result, actual)) errors.push(line(actual, resultPerSecond ? ' per second' : longer ? ` a ${PERIOD_NAME[longer] ?? longer}` : ''));
  }
  return errors;
}

/** A product redone, as the line ends: "<the sum> is about <its value><per period>, not <what was stated>; …". */
function productLine(clause: string, actual: number, bytes: boolean, over: string, statedFigure: string): EstimateError {
  return {
    correction: `${clause.trim().replace(/^~\s*/, '')} is about ${bytes ? readableBytes(actual) : readable(actual)}${over}, not ${statedFigure}; redo the sum before it sizes the design`,
  };
}

/**
 * A product of bare figures that does not come to `result`, or null when it does. A "B" written on may be billions
 * ("4B × 300") or bytes ("12B x 500B"): the sum is wrong only if it is wrong both ways, and the reading nearest what
 * was stated is the one meant.
 */
function wrongBareProduct(factors: readonly RegExpExecArray[], result: number, resultBytes: boolean): number | null {
  const product = (asBytes?: RegExpExecArray) => factors.reduce((p, f) => p * valueOf(f[1] ?? '', f === asBytes ? undefined : f[2]), 1);
  const readings = [product(), ...(resultBytes ? factors.filter((f) => f[2] === 'B').map(product) : [])];
  if (readings.some((p) => !off(result, p))) return null;
  const distance = (p: number) => Math.abs(Math.log(p / result));
  return readings.reduce((a, b) => (distance(b) < distance(a) ? b : a));
}

/** A factor "per key" beside a factor that counts keys ("1M active keys × ~100 bytes per key"). */
function perAnother(factor: RegExpExecArray, factors: readonly RegExpExecArray[]): boolean {
  const unit = /(?:\bper\s+|\/\s*)([a-z]+)/i.exec(factor[4] ?? '')?.[1]?.toLowerCase();
  if (!unit) return false;
  return factors.some(
    (f) =>
      f !== factor &&
      (f[4] ?? '')
        .toLowerCase()
        .split(/[\s/]+/)
        .some((word) => word === unit || word === `${unit}s` || word === `${unit}es`),
  );
}

/**
 * "1M samples per second, at 16 bytes each, that's about 1.4 GB a day", "12 billion links; at roughly 500 bytes per
 * link that's about 6 TB": a count or a rate, a size each, a stated total.
 */
const EACH = new RegExp(
  String.raw`(?<![\w.])${FIGURE}((?:\s+(?!(?:per|a|each)\b)[a-z_-]+){0,3}?)(\s*\/\s*s(?:ec(?:ond)?)?\b|\s+(?:per|a|each)\s+second\b|\s*\/\s*d(?:ay)?\b|\s+(?:per|a)\s+day\b)?[^.\d]{0,12}?\bat\b${HEDGE}${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)\s+(?:each|apiece|per [a-z]+)\b(?:\s+(?:across|over|for|including|with|in)(?:\s+[a-z]+){1,3})?[,\s]*${TIES}${HEDGE}${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)([^;,.()\d]{0,16})`,
  'gi',
);

function eachErrors(text: string): EstimateError[] {
  const errors: EstimateError[] = [];
  for (const m of text.matchAll(EACH)) {
    const [, count = '', countMag, noun = '', per = '', size = '', sizeMag, sizeUnit = '', total = '', totalMag, totalUnit = '', suffix = ''] = m;
    // A size is no count ("2 KB, at 500 bytes each" compares sizes); a term of a sum is not the whole ("1 KB row + 4
    // entries at 200 B each -> 2.5 KB").
    if (/^\s*(?:[kmgtp]?b|bytes?)\b/i.test(noun) || OPERAND.test(text.slice(0, m.index))) continue;
    const perSecond = /second|\/\s*s/i.test(per);
    let actual = valueOf(count, countMag) * amount(size, sizeMag, sizeUnit);
    const resultPerDay = PER_DAY_SUFFIX.test(suffix);
    const resultPerSecond = PER_SECOND_SUFFIX.test(suffix);
    if (perSecond && resultPerDay) actual *= 86_400;
    else if (perSecond !== resultPerSecond) continue;
    if (!off(amount(total, totalMag, totalUnit), actual)) continue;
    // The rate as the candidate said it: the match up to "at <size> each".
    const rate = m[0]
      .slice(0, m[0].search(/\bat\s/))
      .trim()
      .replace(/[,;]$/, '');
    const over = resultPerDay ? ' a day' : resultPerSecond ? ' per second' : '';
    errors.push({
      correction: `${rate} at ${stated(size, sizeMag, sizeUnit)} each is about ${readableBytes(actual)}${over}, not ${stated(total, totalMag, totalUnit)}; redo the sum before it sizes the design`,
    });
  }
  return errors;
}

/** "4B msgs/day ÷ 86,400 ≈ 46k msgs/s", "2M/24 ≈ 83k": a figure divided by a figure, each with up to three words. */
const QUOTIENT = new RegExp(
  String.raw`(?<![\w.^])${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)?((?:\s*[a-z_/-]+){0,3}?)\s*(?:÷|\/)\s*~?\s*${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)?((?:\s*[a-z_/-]+){0,3}?)${TIES}${HEDGE}${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)?`,
  'gi',
);
/** An operator right before a figure: it is one term of a longer expression ("5,000 × 1.5 / 10"). */
const OPERAND = /(?:×|\*|\sx|\+|-|\/|÷)\s*~?\s*$/i;

function quotientErrors(text: string): EstimateError[] {
  const errors: EstimateError[] = [];
  for (const m of text.matchAll(QUOTIENT)) {
    const [, top = '', topMag, topUnit, , bottom = '', bottomMag, bottomUnit, , result = '', resultMag, resultUnit] = m;
    // A fraction ("~1/3 -> ~1,700/s") scales something else; a duration ("15s/15d") is no count.
    if (OPERAND.test(text.slice(0, m.index)) || (Number(top) < 10 && Number(bottom) < 10 && !topMag && !bottomMag)) continue;
    if (NOT_A_COUNT.test(m[4] ?? '') || NOT_A_COUNT.test(m[8] ?? '')) continue;
    // Counts divide into a count, sizes into a count (size ÷ size) and a size by a count into a size; any other mix is
    // a unit this cannot convert.
    const units =
      bottomUnit === undefined ? (topUnit === undefined) === (resultUnit === undefined) : topUnit !== undefined && resultUnit === undefined;
    if (!units) continue;
    const divisor = amount(bottom, bottomMag, bottomUnit);
    if (divisor === 0) continue;
    const actual = amount(top, topMag, topUnit) / divisor;
    if (!off(amount(result, resultMag, resultUnit), actual)) continue;
    errors.push({
      correction: `${stated(top, topMag, topUnit ?? '')} ÷ ${stated(bottom, bottomMag, bottomUnit ?? '')} is about ${resultUnit === undefined ? readable(actual) : readableBytes(actual)}, not ${stated(result, resultMag, resultUnit ?? '')}; redo the sum before it sizes the design`,
    });
  }
  return errors;
}

/**
 * A sentence that divides what the sentence before ended on: "Divided by 86,400 seconds that's roughly 4,600 per
 * second", "Over 86,400 seconds that's …".
 */
const CARRIED = new RegExp(
  String.raw`^\s*(?:(?:and|so)\s+)?(?:divided\s+by|dividing\s+by|÷|(?:over|across)(?=\s+(?:the\s+)?[\d,]+\s*(?:seconds?|secs?)\b))\s*(?:the\s+)?~?\s*${FIGURE}(?:\s*(?:seconds?|secs?|s)\b)?[,\s]*(?:that|which|so)?${TIES}${HEDGE}${FIGURE}(?!\s*(?:[kmgtp]?b|bytes?)\b)`,
  'i',
);

function carriedErrors(previous: string, text: string): EstimateError[] {
  const m = CARRIED.exec(text);
  if (!m)
    return [
      ...carriedSizeErrors(previous, text),
      ...carriedSpreadErrors(previous, text),
      ...carriedRateErrors(previous, text),
      ...carriedTimesErrors(previous, text),
    ];
  const [, bottom = '', bottomMag, result = '', resultMag] = m;
  // What is divided: the last count over a period the sentence before states ("4 billion messages a day").
  const count = lastCount(previous);
  const divisor = valueOf(bottom, bottomMag);
  if (!count || divisor === 0) return [];
  const [, top = '', topMag] = count;
  const actual = valueOf(top, topMag) / divisor;
  if (!off(valueOf(result, resultMag), actual)) return [];
  return [
    {
      correction: `${stated(top, topMag)} ÷ ${stated(bottom, bottomMag)} is about ${readable(actual)}, not ${stated(result, resultMag)}; redo the sum before it sizes the design`,
    },
  ];
}

/** The same count per second, said next: "… 3 billion requests a day. That's about 35 thousand a second". */
const CARRIED_RATE = new RegExp(
  String.raw`^\s*(?:that's|that is|which is|this is|so that's|or)\s*${HEDGE}${FIGURE}(?:\s+[a-z_-]+){0,2}?\s*(?:\/\s*s(?:ec(?:ond)?)?\b|(?:per|a) second\b|(?:qps|rps|tps)\b)`,
  'i',
);

function carriedRateErrors(previous: string, text: string): EstimateError[] {
  const m = CARRIED_RATE.exec(text);
  const count = m ? lastCount(previous) : undefined;
  if (!m || !count) return [];
  const [, top = '', topMag, , period = ''] = count;
  return perSecondError(top, topMag, period, m[1] ?? '', m[2], text.slice(m[0].length));
}

/** A rate per second that sentence before ended on, multiplied out: "… is 120 MB per second. Multiplying by 86,400 seconds gives …". */
const CARRIED_TIMES = new RegExp(
  String.raw`^\s*(?:(?:and|so)\s+)?(?:multiplying|multiplied|times|×)\s+(?:(?:it|that|this)\s+)?(?:by\s+)?(?:the\s+)?~?\s*${FIGURE}\s*(?:seconds?|secs?|s)\b(?:\s+(?:a|per|in a)\s+day)?[,\s]*(?:that|which|so|it)?${TIES}${HEDGE}${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)?`,
  'i',
);
/** A rate per second, in bytes or a count: "120 MB per second", "46k messages/s". */
const RATE_WITH_UNIT = new RegExp(
  String.raw`(?<![\w.^])${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)?(?:\s+[a-z_-]+){0,2}?\s*(?:\/\s*s(?:ec(?:ond)?)?\b|(?:per|a) second\b|(?:qps|rps|tps)\b)`,
  'gi',
);

function carriedTimesErrors(previous: string, text: string): EstimateError[] {
  const m = CARRIED_TIMES.exec(text);
  const rate = m ? [...previous.matchAll(RATE_WITH_UNIT)].at(-1) : undefined;
  if (!m || !rate) return [];
  const [, seconds = '', secondsMag, total = '', totalMag, totalUnit] = m;
  const [, perSecond = '', perSecondMag, unit] = rate;
  // Bytes make bytes and counts make counts; a mix is a unit this cannot convert.
  if ((unit === undefined) !== (totalUnit === undefined)) return [];
  const actual = amount(perSecond, perSecondMag, unit) * valueOf(seconds, secondsMag);
  if (!off(amount(total, totalMag, totalUnit), actual)) return [];
  return [
    {
      correction: `${stated(perSecond, perSecondMag, unit ?? '')} per second over ${stated(seconds, secondsMag)} seconds is about ${unit === undefined ? readable(actual) : readableBytes(actual)}, not ${stated(total, totalMag, totalUnit ?? '')}; redo the sum before it sizes the design`,
    },
  ];
}

/** The last count over a period `text` states ("4 billion messages a day"), not seconds per period. */
const lastCount = (text: string): RegExpExecArray | undefined => [...text.matchAll(OVER_PERIOD)].filter((c) => !SECONDS_NOUN.test(c[3] ?? '')).at(-1);

/** A size each for what the sentence before counted: "At 300 bytes per message that's 120 GB a day". */
const CARRIED_SIZE = new RegExp(
  String.raw`^\s*(?:and\s+)?at\b${HEDGE}${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)\s+(?:each|apiece|per\s+[a-z]+)\b[,\s]*(?:that|which|this|it)?${TIES}${HEDGE}${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)([^;,.()\d]{0,16})`,
  'i',
);

function carriedSizeErrors(previous: string, text: string): EstimateError[] {
  const m = CARRIED_SIZE.exec(text);
  if (!m) return [];
  const [, size = '', sizeMag, sizeUnit = '', total = '', totalMag, totalUnit = '', suffix = ''] = m;
  const count = lastCount(previous);
  if (!count) return [];
  const [, top = '', topMag, , period = ''] = count;
  // The total is for the count's period ("4 billion a day … 120 GB a day"); another period is another sum.
  const over = PER_LONGER_SUFFIX.exec(suffix)?.[1]?.toLowerCase();
  if (over !== undefined && (PERIOD_NAME[over] ?? over) !== (PERIOD_NAME[period.toLowerCase()] ?? period.toLowerCase())) return [];
  const actual = valueOf(top, topMag) * amount(size, sizeMag, sizeUnit);
  if (!off(amount(total, totalMag, totalUnit), actual)) return [];
  return [
    {
      correction: `${stated(top, topMag)} at ${stated(size, sizeMag, sizeUnit)} each is about ${readableBytes(actual)}, not ${stated(total, totalMag, totalUnit)}; redo the sum before it sizes the design`,
    },
  ];
}

/** "83k per hour mark, spread over the first minute, that's ~140/s": a count spread over a stretch of time, per second. */
const SPREAD = new RegExp(
  String.raw`(?<![\w.^])${FIGURE}(?:[^\d.;:]{0,40}?)\b(?:spread(?: out)? )?(?:over|across|within|in) (?:the |a |an |one )?(?:first |next |same )?(?:(\d+) )?(second|minute|min|hour|hr|day)s?\b[,\s]*(?:that|which|so)?${TIES}${HEDGE}${FIGURE}(?:\s+[a-z_-]+){0,2}?\s*(?:\/\s*s(?:ec(?:ond)?)?\b|(?:per|a) second\b|(?:qps|rps|tps)\b)`,
  'gi',
);

function spreadErrors(text: string): EstimateError[] {
  return [...text.matchAll(SPREAD)].flatMap(([, count = '', countMag, times, period = '', rate = '', rateMag]) =>
    spreadError(count, countMag, times, period, rate, rateMag),
  );
}

/** A count over a stretch of time said per second, redone; none when it holds. */
function spreadError(
  count: string,
  countMag: string | undefined,
  times: string | undefined,
  period: string,
  rate: string,
  rateMag: string | undefined,
): EstimateError[] {
  const name = PERIOD_NAME[period.toLowerCase()] ?? period.toLowerCase();
  const seconds = (SECONDS[name] ?? (name === 'second' ? 1 : 0)) * Number(times ?? 1);
  if (seconds === 0) return [];
  const actual = valueOf(count, countMag) / seconds;
  if (!off(valueOf(rate, rateMag), actual)) return [];
  const stretch = times ? `${times} ${name}s` : `a ${name}`;
  return [
    {
      correction: `${stated(count, countMag)} over ${stretch} is about ${readable(actual)} per second, not ${stated(rate, rateMag)}; redo the sum before it sizes the design`,
    },
  ];
}

/** Spreading what the clause before ended on: "≈ 104k triggers at the top of the hour; spread over ten seconds that's …". */
const CARRIED_SPREAD = new RegExp(
  String.raw`^\s*(?:(?:and|so)\s+)?(?:if\s+(?:we|you)\s+)?spread(?:ing)?(?:\s+(?:it|them|that|those))?(?:\s+out)?\s+(?:over|across)\s+(?:the |a |an |one )?(?:first |next )?(?:(\d+) )?(second|minute|min|hour|hr)s?\b[,\s]*(?:that|which|so|it)?${TIES}${HEDGE}${FIGURE}(?:\s+[a-z_-]+){0,2}?\s*(?:\/\s*s(?:ec(?:ond)?)?\b|(?:per|a) second\b|(?:qps|rps|tps)\b)`,
  'i',
);
/** A figure that counts something: not a duration, a share or a size. */
const COUNT_FIGURE = new RegExp(String.raw`(?<![\w.^])${FIGURE}(?!\s*(?:[kmgtp]?b|bytes?)\b)(?![\d.,])`, 'gi');

function carriedSpreadErrors(previous: string, text: string): EstimateError[] {
  const m = CARRIED_SPREAD.exec(text);
  if (!m) return [];
  const [, times, period = '', rate = '', rateMag] = m;
  const count = [...previous.matchAll(COUNT_FIGURE)].filter((c) => !NOT_A_COUNT.test(previous.slice((c.index ?? 0) + c[0].length))).at(-1);
  if (!count) return [];
  return spreadError(count[1] ?? '', count[2], times, period, rate, rateMag);
}

/**
 * A count or a size per period, over a longer one: "200 TB of new media per day, which over a year comes to …",
 * "10M rows a day, over a year about 3.6B".
 */
const OVER_LONGER = new RegExp(
  String.raw`(?<![\w.^])${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)?((?:\s+[a-z_-]+){0,4}?)\s*(?:\/\s*|\s+(?:per|a|an|each)\s+)(minute|min|hour|hr|day|week|month)\b[,\s]*(?:(?:which|that|so|and)\s+)?(?:over|in|across|for)\s+(?:a|an|one|the)?\s*(?:full\s+)?(?:(\d+)\s+)?(day|week|month|year)s?\b[,\s]*(?:(?:that|this|it)(?:'s)?\s*)?(?:${TIES})?${HEDGE}${FIGURE}(\s*(?:[kmgtp]?b|bytes?)\b)?`,
  'gi',
);

function longerErrors(text: string): EstimateError[] {
  const errors: EstimateError[] = [];
  for (const m of text.matchAll(OVER_LONGER)) {
    const [, count = '', countMag, countUnit, , period = '', times, longer = '', total = '', totalMag, totalUnit] = m;
    if (OPERAND.test(text.slice(0, m.index)) || (countUnit === undefined) !== (totalUnit === undefined)) continue;
    const name = PERIOD_NAME[period.toLowerCase()] ?? period.toLowerCase();
    const span = (SECONDS[longer.toLowerCase()] ?? 0) * Number(times ?? 1);
    const each = SECONDS[name] ?? 0;
    if (each === 0 || span <= each) continue;
    const actual = (amount(count, countMag, countUnit) * span) / each;
    if (!off(amount(total, totalMag, totalUnit), actual)) continue;
    const stretch = times ? `${times} ${longer.toLowerCase()}s` : `a ${longer.toLowerCase()}`;
    errors.push({
      correction: `${stated(count, countMag, countUnit ?? '')} a ${name} over ${stretch} is about ${countUnit === undefined ? readable(actual) : readableBytes(actual)}, not ${stated(total, totalMag, totalUnit ?? '')}; redo the sum before it sizes the design`,
    });
  }
  return errors;
}

/**
 * Little's law: requests in flight are the arrival rate times the time each takes. "Peak is 5,000 payments a second.
 * Calls take about a second and a half, so by Little's law about 750 in flight" is wrong by ten. The rates are the
 * sentence's own figures per second, or else the sentence before's; the times are every duration the sentence says
 * before its result ("200 ms to 2 s": a candidate may size for either end), or else, in a sentence that names the law,
 * the sentence before's. The result, a figure "in flight" or "concurrent", is wrong only when it is off from every
 * rate times every time.
 */
const IN_FLIGHT = new RegExp(
  String.raw`(?<![\w.^])${FIGURE}((?:\s+[a-z-]+){0,3}?)\s+(?:in[- ]flight|concurrent(?:ly)?|in progress|outstanding)\b`,
  'i',
);
const RATE = new RegExp(
  String.raw`(?<![\w.^])${FIGURE}(?:\s+[a-z_-]+){0,3}?\s*(?:\/\s*s(?:ec(?:ond)?)?\b|(?:per|a) second\b(?!\s+and a half)|(?:qps|rps|tps)\b)`,
  'gi',
);
const DURATION = /(?<![\w.^])(\d+(?:[.,]\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?)\b|\b(a second and a half|half a second)\b/gi;
const DURATION_WORDS: Readonly<Record<string, number>> = { 'a second and a half': 1.5, 'half a second': 0.5 };

function littlesLawErrors(text: string, previous: string | undefined): EstimateError[] {
  const result = IN_FLIGHT.exec(text);
  if (!result) return [];
  const before = text.slice(0, result.index);
  const own = [...before.matchAll(RATE)];
  const rates = (own.length > 0 ? own : [...(previous ?? '').matchAll(RATE)]).map((r) => valueOf(r[1] ?? '', r[2]));
  // A sentence that applies Little's law by name without a duration of its own sizes with the sentence before's
  // ("calls take 200 ms to 2 s. By Little's law, 5,000 times 0.002 gives about ten in flight"); without the name, "2
  // million concurrent users" after a latency is another quantity.
  const ownTimes = [...before.matchAll(DURATION)];
  const borrowed = ownTimes.length === 0 && /\blittle'?s law\b/i.test(text) ? [...(previous ?? '').matchAll(DURATION)] : [];
  const seconds = (ownTimes.length > 0 ? ownTimes : borrowed).map((d) =>
    d[3] ? (DURATION_WORDS[d[3].toLowerCase()] ?? 0) : valueOf(d[1] ?? '', undefined) * (/^m/i.test(d[2] ?? '') ? 0.001 : 1),
  );
  const products = rates.flatMap((r) => seconds.map((t) => r * t)).filter((p) => p > 0);
  if (products.length === 0) return [];
  const claimed = valueOf(result[1] ?? '', result[2]);
  const low = Math.min(...products);
  const high = Math.max(...products);
  if (claimed * TOLERANCE >= low && claimed <= high * TOLERANCE) return [];
  const rate = Math.max(...rates);
  const time = Math.max(...seconds);
  return [
    {
      correction: `by Little's law ${readable(rate)} a second for ${readable(time)} s each is about ${readable(rate * time)} in flight, not ${readable(claimed)}; redo the sum before it sizes the design`,
    },
  ];
}

/** Machines as a candidate counts them. */
const MACHINES = String.raw`(?:nodes?|servers?|shards?|instances?|primaries|primary|machines?|boxes|brokers?|pods?|gateways?)`;
const PAIR = /\b(?:a\s+)?(?:primary[- ]plus[- ]replica\s+)?pair\b/i;
/** "A pair of Redis nodes at around 100 thousand operations each": a count of machines and what each carries. */
const FLEET = new RegExp(
  String.raw`(?:\b(\d+)|${PAIR.source})(?:\s+of)?((?:\s+[a-z-]+){0,3}?)\s+${MACHINES}\b[^.;\d]{0,40}?\bat\s+${HEDGE}${FIGURE}((?:\s+[a-z-]+){0,3}?)\s+(?:each|apiece|per\s+(?:node|server|shard|instance|machine|box|broker|pod|gateway))\b`,
  'i',
);
/** What a machine holds rather than does: open connections. */
const HOLDS = /\b(?:connections?|sockets?|clients?|devices?|users?)\b/i;
/** A count of open connections the answer estimates: "2M concurrently connected clients", "45M devices are connected". */
const CONNECTED = new RegExp(String.raw`(?<![\w.^])${FIGURE}(?:\s+[a-z-]+){0,3}?\s+(?:concurrent(?:ly)?|connected|online|open)\b`, 'gi');
/** A sentence of the answer's that states a peak. */
const PEAK = /\bpeak/i;
/** "One Redis shard does about 100 thousand operations a second, so 4 shards …": what one carries, then how many. */
const ONE_CARRIES = new RegExp(
  String.raw`\b(?:one|1|a single|each|a)(?:\s+[a-z-]+){0,2}?\s+${MACHINES}\s+(?:does|handles|takes|serves|sustains|answers|can do|can handle|can take|can serve|can answer)\s+${HEDGE}${FIGURE}(?:\s+[a-z_-]+){0,3}?\s*(?:(?:a|per)\s+second\b|\/\s*s\b|(?:qps|rps|tps)\b)[^.]*?\bso\b([^.]*)`,
  'i',
);
/** Capacity claimed ("carry", "cover", "plenty"): a count of machines said to be enough. */
const ENOUGH = /\b(?:carr(?:y|ies)|cover(?:s)?|handles?|enough|plenty|comfortabl[ey]|headroom|suffices?|sufficient|therefore|we need)\b/i;
/** Slack for rounding: a fleet a quarter short of its load is still "enough" in an estimate. */
const FLEET_SLACK = 1.25;

/**
 * A fleet too small for the load it is said to carry: "4 hundred thousand redirects a second … a pair of Redis nodes at
 * around 100 thousand operations each will carry it". The load is the largest rate per second before the fleet in the
 * sentence, or else in the sentence before, or else the largest peak the answer stated before (`answerBefore`: a fleet sized
 * paragraphs after its estimate). Machines that hold connections ("two gateway nodes at 100k connections each") are
 * held to the connections the answer counted.
 */
function capacityErrors(text: string, previous: string | undefined, answerBefore: string | undefined): EstimateError[] {
  if (!ENOUGH.test(text)) return [];
  // What the answer said before, its figures written out only for a fleet whose load this sentence does not give.
  let before: string | undefined;
  const earlier = () => (before ??= withFigures(answerBefore ?? ''));
  let count: number | undefined;
  let each: number | undefined;
  let at: number;
  const fleet = FLEET.exec(text);
  if (fleet && HOLDS.test(fleet[5] ?? '')) {
    const held = [...`${earlier()} ${text.slice(0, fleet.index)}`.matchAll(CONNECTED)].map((c) => valueOf(c[1] ?? '', c[2]));
    const connections = Math.max(0, ...held);
    const machines = fleet[1] === undefined ? 2 : Number(fleet[1]);
    const per = valueOf(fleet[3] ?? '', fleet[4]);
    if (connections === 0 || machines * per * FLEET_SLACK >= connections) return [];
    return [
      {
        correction: `${machines} machines at about ${readable(per)} connections each hold about ${readable(machines * per)}, not the ${readable(connections)} connections the estimate counted (${Math.ceil(connections / per)} or more); redo the sum before it sizes the design`,
      },
    ];
  }
  if (fleet) {
    count = fleet[1] === undefined ? 2 : Number(fleet[1]);
    each = valueOf(fleet[3] ?? '', fleet[4]);
    at = fleet.index;
  } else {
    const one = ONE_CARRIES.exec(text);
    if (!one) return [];
    each = valueOf(one[1] ?? '', one[2]);
    const counts = [...(one[3] ?? '').matchAll(new RegExp(String.raw`\b(\d+)(?:\s+[a-z-]+){0,2}?\s+${MACHINES}\b|\b(\d+)\s+in total\b`, 'gi'))].map(
      (c) => Number(c[1] ?? c[2]),
    );
    if (counts.length === 0) return [];
    count = Math.max(...counts);
    at = one.index;
  }
  const own = [...text.slice(0, at).matchAll(RATE)];
  const near = own.length > 0 ? own : [...(previous ?? '').matchAll(RATE)];
  const peaks = () =>
    earlier()
      .split(/(?<=[.!?])\s+|\n+/)
      .filter((sentence) => PEAK.test(sentence))
      .flatMap((sentence) => [...sentence.matchAll(RATE)]);
  const loads = (near.length > 0 ? near : peaks()).map((r) => valueOf(r[1] ?? '', r[2]));
  if (loads.length === 0 || !count || !each) return [];
  const load = Math.max(...loads);
  if (count * each * FLEET_SLACK >= load) return [];
  return [
    {
      correction: `${count} machines at about ${readable(each)} a second each carry about ${readable(count * each)} a second, not the ${readable(load)} a second the estimate needs (${Math.ceil(load / each)} or more); redo the sum before it sizes the design`,
    },
  ];
}
