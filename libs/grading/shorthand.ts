/**
 * What the tokeniser reads as other words (read-only constants): shorthand and rates. A written word becomes at
 * most `MAX_TOKENS_PER_WORD` tokens, which the injection scan's distances rely on (n words apart is at most
 * n × `MAX_TOKENS_PER_WORD` tokens apart) and the tokeniser's word memo encodes (an entry holds a count of at most 3).
 */
export const MAX_TOKENS_PER_WORD = 2;

/** Engineering shorthand a reader expands without thinking; only unambiguous ones. */
export const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['k8s', ['kubernetes']],
  ['ws', ['websocket']],
  ['wss', ['websocket']],
  ['lb', ['load', 'balancer']],
  ['lbs', ['load', 'balancers']],
  ['svc', ['service']],
  ['svcs', ['services']],
  ['conns', ['connections']],
  ['conn', ['connection']],
  ['msgs', ['messages']],
  ['msg', ['message']],
  ['db', ['database']],
  ['dbs', ['databases']],
  ['txn', ['transaction']],
  ['txns', ['transactions']],
  ['req', ['request']],
  ['reqs', ['requests']],
  ['prefs', ['preferences']],
  ['repl', ['replication']],
  ['pubsub', ['pub', 'sub']],
  ['idempotence', ['idempotency']],
  ['otel', ['opentelemetry']],
  ['seq', ['sequence']],
  ['seqs', ['sequences']],
]);

/** "46k/s", "messages/day": a rate reads "per second", "per day", as rubric terms write it (two tokens). */
export const RATE_UNITS: ReadonlyMap<string, string> = new Map([
  ['s', 'second'],
  ['sec', 'second'],
  ['second', 'second'],
  ['min', 'minute'],
  ['minute', 'minute'],
  ['h', 'hour'],
  ['hr', 'hour'],
  ['hour', 'hour'],
  ['d', 'day'],
  ['day', 'day'],
  ['mo', 'month'],
  ['month', 'month'],
  ['y', 'year'],
  ['yr', 'year'],
  ['year', 'year'],
]);

/** Throws unless every expansion of `abbreviations` is 1 to `MAX_TOKENS_PER_WORD` words (checked when this module loads). */
export function checkShorthand(abbreviations: ReadonlyMap<string, readonly string[]>): void {
  for (const [word, expansion] of abbreviations) {
    if (expansion.length < 1 || expansion.length > MAX_TOKENS_PER_WORD) {
      throw new Error(
        `shorthand "${word}" expands to ${expansion.length} words; a written word may stand for 1 to MAX_TOKENS_PER_WORD (${MAX_TOKENS_PER_WORD}) tokens`,
      );
    }
  }
}

checkShorthand(ABBREVIATIONS);
