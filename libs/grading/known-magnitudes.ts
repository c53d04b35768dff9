import type { Misconception } from './misconceptions.js';
import { FIGURE, valueOf, withFigures } from './number-words.js';

/**
 * Numbers every backend engineer should know, as ranges wide enough for any real hardware and network: a design that
 * rests on a figure far outside them ("a cross-region round trip is only about 2 ms, so one region serves everyone",
 * "a Redis node tops out at roughly 2,000 operations per second") is sized or shaped on a wrong premise, however right
 * its arithmetic. A figure is read for a magnitude when its clause names the thing ("a Redis node … 2,000 operations
 * per second"), after it; a figure inside the range, or of another kind (a count where a duration is meant), is left
 * alone. General engineering knowledge, not one question's: each range is the order of magnitude a strict interviewer
 * expects a senior candidate to carry in their head.
 */
interface Magnitude {
  /** What the clause must name, and (when the name alone is ambiguous) a word that says which figure is meant. */
  readonly subject: RegExp;
  readonly about?: RegExp;
  readonly kind: 'seconds' | 'per-second' | 'connections';
  /** The plausible range, in seconds, per second, or connections. */
  readonly low: number;
  readonly high: number;
  /** What is true, as the correction line says it. */
  readonly truth: string;
}

const ROUND_TRIP = /\bround[- ]trips?\b|\brtt\b|\bping\b|\bnetwork hop\b|\blatency\b/;

const MAGNITUDES: readonly Magnitude[] = [
  {
    subject:
      /\b(?:cross[- ]region|inter[- ]region|between (?:two )?regions|across regions|cross[- ]continent|transatlantic|across (?:an |the )?oceans?)\b/,
    about: ROUND_TRIP,
    kind: 'seconds',
    low: 0.02,
    high: 0.5,
    truth: 'a round trip between regions takes tens to hundreds of milliseconds (about 60–80 ms across a continent, 100–250 ms across an ocean)',
  },
  {
    subject:
      /\b(?:inside|within|in) (?:a|the|one|our) (?:data ?cent(?:er|re)|dc)\b|\bsame (?:data ?cent(?:er|re)|rack)\b|\bintra[- ](?:datacenter|dc)\b/,
    about: ROUND_TRIP,
    kind: 'seconds',
    low: 0.00002,
    high: 0.002,
    truth: 'a network round trip inside a datacenter takes about half a millisecond (0.1–1 ms)',
  },
  {
    subject: /\b(?:between|across) (?:availability )?zones\b|\bcross[- ](?:az|zone)\b|\binter[- ]az\b/,
    about: ROUND_TRIP,
    kind: 'seconds',
    low: 0.0001,
    high: 0.01,
    truth: 'a round trip between availability zones of one region takes about 1–2 ms',
  },
  {
    subject: /\b(?:a |one )?(?:main )?memory (?:access|reference|read|lookup)\b|\bram access\b/,
    kind: 'seconds',
    low: 1e-9,
    high: 2e-6,
    truth: 'a main-memory access takes about 100 nanoseconds',
  },
  {
    subject: /\b(?:ssd|nvme)\b/,
    about: /\bread|\bseek|\baccess|\blookup/,
    kind: 'seconds',
    low: 0.000005,
    high: 0.003,
    truth: 'a random read from an SSD takes about 0.1 ms (tens to a few hundred microseconds)',
  },
  {
    subject: /\bredis (?:node|instance|shard|primary|server|process)s?\b|\b(?:a single|one|1) redis\b/,
    kind: 'per-second',
    low: 20_000,
    high: 10_000_000,
    truth: 'one Redis node does on the order of 100,000 simple operations a second (hundreds of thousands with pipelining)',
  },
  {
    subject:
      /\bredis (?:get|lookup|read|call|round trip)s?\b|\b(?:a|each) (?:get|lookup|call) (?:to|from|on) redis\b|\bredis lookup over the network\b/,
    kind: 'seconds',
    low: 0.00002,
    high: 0.003,
    truth: 'a Redis call inside a datacenter takes well under a millisecond, most of it the network round trip',
  },
  {
    subject: /\bkafka\b/,
    about: /\bhop\b|\blatency\b|\bend[- ]to[- ]end\b|\badds\b|\bdelay\b/,
    kind: 'seconds',
    low: 0.0002,
    high: 0.5,
    truth: 'Kafka moves a record from producer to consumer in milliseconds (a few, or tens with batching)',
  },
  {
    subject: /\b(?:postgres(?:ql)?|mysql)\b/,
    about: /\bwrites?\b|\btransactions?\b|\btps\b|\binserts?\b/,
    kind: 'per-second',
    low: 1_000,
    high: 10_000_000,
    truth: 'one Postgres or MySQL primary on SSDs commits thousands to tens of thousands of write transactions a second',
  },
  {
    subject: /\bcassandra (?:node|instance|server)s?\b/,
    kind: 'per-second',
    low: 3_000,
    high: 10_000_000,
    truth: 'one Cassandra node takes on the order of 10,000 or more writes a second',
  },
  {
    subject:
      /\b(?:server|gateway|node|machine|box|process|instance) can hold\b|\b(?:server|gateway|node|machine|box|instance) (?:holds|handles|keeps)\b/,
    kind: 'connections',
    low: 5_000,
    high: 100_000_000,
    truth: 'one tuned server holds tens of thousands to a million idle WebSocket connections (each costs kilobytes of memory)',
  },
  {
    subject: /\bcard authori[sz]ations?\b|\bauthori[sz]ation at the processor\b|\bprocessor (?:call|calls|round trip|authori[sz]ation)\b/,
    kind: 'seconds',
    low: 0.03,
    high: 30,
    truth: 'a card authorisation at a processor takes hundreds of milliseconds to a few seconds end to end',
  },
];

/** Figures of each kind, in the text as `withFigures` writes it ("2,000 operations per second", "50k connections"). */
const DURATION = /(?<![\w.])(\d+(?:[.,]\d+)?)\s*(ns|nanoseconds?|µs|us|microseconds?|ms|milliseconds?|s|secs?|seconds?)\b/gi;
const RATE = new RegExp(
  String.raw`(?<![\w.])${FIGURE}(?:\s+[a-z-]+\b){0,3}?\s*(?:\/\s*s(?:ec)?\b|\b(?:per|a) second\b|\b(?:qps|rps|tps|ops)\b)`,
  'gi',
);
const CONNECTIONS = new RegExp(
  String.raw`(?<![\w.])${FIGURE}\s+(?:open\s+|concurrent\s+|idle\s+)?(?:websockets?|web sockets?|connections|sockets)\b(?!\s+(?:server|gateway|node|machine|box|process|instance)s?\b)`,
  'gi',
);
/** Where a clause ends: another statement begins ("…, so we …", "…; …", "…, which …", "… versus …", "… (…"). */
const CLAUSE_END = /;|\(|\)|,?\s+(?:so|which|but|whereas|while|because|since|and then|versus|vs\.?)\s|\s—\s/i;
const CLAUSE_ENDS = new RegExp(CLAUSE_END.source, 'gi');
/** Characters at most between the name and its figure. */
const NEAR = 60;
/** A figure the design sets rather than measures. */
const SET_NOT_MEASURED = /\btimeouts?\b|\bbudgets?\b|\bdeadlines?\b|\bwithin\b|\bunder\b|\bsla\b|\bslo\b|\bcap(?:ped)?\b|\blimit\b/;

/** A duration unit in seconds. */
function secondsOf(unit: string): number {
  const u = unit.toLowerCase();
  if (u === 'ns' || u.startsWith('nano')) return 1e-9;
  if (u === 'us' || u === 'µs' || u.startsWith('micro')) return 1e-6;
  if (u === 'ms' || u.startsWith('milli')) return 1e-3;
  return 1;
}

/** Every figure of `kind` in `text`, in seconds, per second or connections, with where it stands and as said. */
function figuresIn(text: string, kind: Magnitude['kind']): { value: number; said: string; start: number; end: number }[] {
  const pattern = kind === 'seconds' ? DURATION : kind === 'per-second' ? RATE : CONNECTIONS;
  return [...text.matchAll(pattern)].map((m) => ({
    value: kind === 'seconds' ? valueOf(m[1] ?? '', undefined) * secondsOf(m[2] ?? 's') : valueOf(m[1] ?? '', m[2]),
    said: m[0].trim(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The magnitudes a sentence gets wrong, each as a wrong claim with what is true. */
export function magnitudeMisconceptions(said: string): Misconception[] {
  if (!/\d/.test(said) && !/\b(?:one|two|three|five|ten|hundred|thousand|a few|a couple|a (?:nano|micro|milli)?second)\b/i.test(said)) return [];
  // Most sentences name none of the things: the figures in words are only written out for those that do.
  const lower = said.toLowerCase();
  if (!MAGNITUDES.some((m) => m.subject.test(lower))) return [];
  // "About a millisecond" is 1 ms.
  const text = withFigures(said)
    .toLowerCase()
    .replace(/\b(?:a|one) (nanosecond|microsecond|millisecond|second)\b/g, '1 $1');
  const found: Misconception[] = [];
  for (const m of MAGNITUDES) {
    const subject = m.subject.exec(text);
    if (!subject) continue;
    const from = subject.index;
    const to = from + subject[0].length;
    // The figure nearest the name, in its clause and within a few words of it: "a 5 ms timeout on the Redis call"
    // and "a 1 s processor call" name their figure, a failover's "30-60 s" later in the sentence does not.
    const clauseStart = Math.max(0, ...[...text.slice(0, from).matchAll(CLAUSE_ENDS)].map((c) => c.index + c[0].length));
    const next = CLAUSE_END.exec(text.slice(to));
    const clauseEnd = next ? to + next.index : text.length;
    const clause = text.slice(clauseStart, clauseEnd);
    if (m.about && !m.about.test(clause)) continue;
    const distance = (f: { start: number; end: number }) => (f.end <= from ? from - f.end : f.start >= to ? f.start - to : 0);
    const near = figuresIn(text, m.kind)
      .filter((f) => f.start >= clauseStart && f.end <= clauseEnd && distance(f) <= NEAR)
      .sort((a, b) => distance(a) - distance(b))[0];
    if (!near || (near.value >= m.low && near.value <= m.high)) continue;
    // A timeout, a budget or a bound is a figure the design sets, not one it measures ("a ~5 ms timeout on the Redis
    // call", "well within a second").
    if (SET_NOT_MEASURED.test(text.slice(Math.max(clauseStart, near.start - 12), Math.min(clauseEnd, near.end + 16)))) continue;
    found.push({
      id: 'wrong-magnitude',
      // The figure sizes and shapes the design (regions, tiers, fleets): it counts against scalability, not the sums.
      dimension: 'scalability-reliability',
      claims: [],
      correction: `${m.truth}, not ${near.said}; a design resting on that figure needs the figure redone first`,
    });
  }
  return found;
}
