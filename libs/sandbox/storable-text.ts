/** U+2400 SYMBOL FOR NULL: how a NUL the program printed or returned reads once stored. */
export const NUL_SYMBOL = '\u2400';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Postgres text and jsonb refuse two things a program may print or return: NUL (`\u0000`) and unpaired UTF-16
 * surrogates (`"\ud800"` in JSON). A result holding either could never be stored, so its job failed for good
 * and was re-driven forever. Every string (and object key) of the value is rewritten: NUL becomes `␀` (U+2400,
 * visible to the candidate), a lone surrogate becomes `�` (U+FFFD). Anything else is kept byte for byte.
 */
export function toStorable<T>(value: T): T {
  return walk(value) as T;
}

function storableText(text: string): string {
  return text.replaceAll('\u0000', NUL_SYMBOL).replace(LONE_SURROGATE, '\uFFFD');
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), walk(v)]));
  }
  return value;
}
