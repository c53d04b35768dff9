/**
 * The grader's own word lists. The rubric says WHAT to look for (signals); these say HOW
 * an answer explains (reasoning cues), what is filler (function words), and which generic
 * behaviours each dimension descriptor rewards. They are matched on stems, like signals.
 */

/** A sentence with one of these explains rather than names (signals contract: requireReasoning). */
export const REASONING_CUES: readonly string[] = [
  'because', 'since', 'so that', 'so', 'therefore', 'thus', 'hence', 'otherwise', 'trade off', 'tradeoff',
  'downside', 'drawback', 'upside', 'benefit', 'advantage', 'disadvantage', 'at the cost of', 'at the expense of',
  'in exchange', 'which means', 'that means', 'this means', 'meaning', 'to avoid', 'to prevent', 'to ensure',
  'to guarantee', 'to keep', 'to reduce', 'to limit', 'to handle', 'in order to', 'instead of', 'rather than',
  'unless', 'whereas', 'however', 'but', 'vs', 'versus', 'compared to', 'cheaper', 'more expensive', 'why',
  'the risk', 'risk of', 'if', 'when', 'which lets', 'which gives', 'that way', 'as a result', 'the cost',
  'costs', 'good for', 'better for', 'suits', 'works for', 'fits', 'we lose', 'we give up', 'the price',
  'depends on', 'would change', 'prefer', 'preferred', 'avoids', 'prevents', 'guarantees', 'ensures', 'accept', 'acceptable',
];

/** Filler words; a run of terms with almost none of these between them is a list, not prose. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the to of in on for with at by from into onto over under about as than then so and or but nor if ' +
    'when while because since that this these those it its is are was were be been being am do does did ' +
    'done have has had will would can could should shall may might must i we you he she they me us them my ' +
    'our your their his her which who whom whose what where how why not no each every any all some both ' +
    'per via until unless there here also only just very too such own same other another one once up down ' +
    'out off again further more most less least few many much let lets use uses used using make makes get ' +
    'gets go goes put keep keeps need needs want wants give gives take takes send sends write writes read ' +
    'reads run runs store stores first then next finally instead rather'
  ).split(' '),
);

/** A wrong claim preceded by one of these in its sentence is being rejected, not made. */
export const NEGATION_CUES: readonly string[] = [
  'not', 'never', 'don t', 'do not', 'does not', 'doesn t', 'avoid', 'instead of', 'rather than', 'must not',
  'should not', 'shouldn t', 'won t', 'isn t', 'aren t', 'wasn t', 'weren t', 'no longer', 'bad idea', 'anti pattern',
  'mistake', 'wrong', 'naive',
];

/**
 * Words that deny what follows them ("without", "no") on top of the negations: "so clients don't need any dedup",
 * "race-free without needing Lua". A safeguard a sentence denies is not a safeguard it has (see `DENIAL_WINDOW`).
 */
export const DENIAL_CUES: readonly string[] = ['without', 'no', 'none', 'nothing'];

/**
 * A sentence with one of these is refuting a claim ("exactly-once is impossible without dedup"), so the denial
 * rules, which read "without dedup" as a denied safeguard, stay out of it.
 */
export const REFUTATION_CUES: readonly string[] = [
  'impossible', 'isn t', 'aren t', 'is not', 'are not', 'can t', 'cannot', 'myth', 'misconception', 'not possible', 'no such thing',
];

/**
 * Talk about the grading rather than the design: a sentence with one of these earns no credit, whether or not
 * it reads as an injection (an answer about the system never needs them).
 */
export const META_CUES: readonly string[] = [
  'rubric', 'key point', 'key points', 'grader', 'grading model', 'scoring model', 'the candidate', 'this answer',
  'band 4', 'band 3', 'full marks', 'full credit', 'strong hire', 'all the points', 'everything in the rubric',
];

/** Phrases that give the question back instead of answering it. */
export const NON_ANSWER_PHRASES: readonly string[] = [
  'i don t know', 'i do not know', 'dont know', 'no idea', 'not sure', 'i have no clue', 'no clue', 'i ll pass',
  'i will pass', 'pass on this', 'skip this', 'let s skip', 'skip this question', 'next question', 'i can t answer', 'i cannot answer', 'i have not done this', 'not familiar',
  'i m not familiar', 'can we move on', 'no experience with', 'i would google', 'i would look it up',
];

/**
 * Generic evidence for dimensions that key points do not measure (or only partly):
 * what the role guide's descriptors reward, in words a candidate uses.
 */
export const DIMENSION_CUES: Readonly<Record<string, readonly string[]>> = {
  requirements: [
    'requirement', 'functional', 'non functional', 'nonfunctional', 'assume', 'assumption', 'scope',
    'out of scope', 'clarify', 'sla', 'slo', 'p99', 'p95', 'latency target', 'availability', 'durability',
    'consistency', 'must not lose', 'never lose', 'read heavy', 'write heavy', 'constraint', 'use case',
    'dau', 'qps', 'retention', 'region', 'ordering', 'priority', 'priorities', 'out of scope', 'goal',
    'success criteria', 'who uses', 'tenant', 'compliance', 'security', 'cost',
  ],
  'high-level-architecture': [
    'service', 'gateway', 'queue', 'broker', 'kafka', 'database', 'cache', 'load balancer', 'api', 'collector',
    'store', 'worker', 'consumer', 'producer', 'cdn', 'pipeline', 'component', 'flow', 'publishes', 'consumes',
    'forwards', 'writes to', 'reads from', 'topic', 'dispatcher', 'agent', 'tier', 'layer', 'hot path',
    'cold path', 'asynchronous', 'async', 'synchronous', 'decouple', 'ingest', 'query',
  ],
  'data-model-storage': [
    'schema', 'table', 'partition key', 'primary key', 'index', 'indexed', 'partitioned by', 'clustered',
    'column', 'row', 'ttl', 'retention', 'shard', 'cassandra', 'postgres', 'dynamodb', 'object storage', 's3',
    'time series', 'tsdb', 'compaction', 'replication factor', 'hot partition', 'keyed by', 'access pattern',
    'cardinality', 'key', 'blob', 'compression', 'tiered', 'downsampl', 'data model', 'record',
  ],
  'scalability-reliability': [
    'replica', 'replication', 'failover', 'retry', 'idempotent', 'idempotency', 'backoff', 'circuit breaker',
    'timeout', 'backpressure', 'back pressure', 'degrade', 'graceful', 'horizontal', 'horizontally', 'shard',
    'partition', 'autoscaling', 'load balancer', 'health check', 'redundancy', 'multi az', 'multi region',
    'dead letter', 'at least once', 'slo', 'crash', 'fails', 'failure', 'outage', 'buffer', 'replay',
    'stateless', 'scale out', 'hot spot', 'thundering herd', 'jitter',
  ],
  'trade-offs': [
    'trade off', 'tradeoff', 'vs', 'versus', 'instead of', 'rather than', 'at the cost of', 'downside',
    'drawback', 'cheaper', 'expensive', 'cost', 'we lose', 'we give up', 'depends on', 'would change',
    'alternative', 'simpler', 'complexity', 'on the other hand', 'the price', 'worth it', 'not worth',
    'compared to', 'whereas', 'but',
  ],
  communication: [
    'first', 'then', 'next', 'finally', 'to summarise', 'to summarize', 'in summary', 'overall', 'let me',
    'i ll start', 'i will start', 'step', 'requirements', 'estimates', 'high level', 'deep dive',
    'trade offs', 'to recap', 'in short', 'the key', 'because', 'so that',
  ],
  'capacity-estimation': ['per second', 'per day', 'qps', 'rps', 'peak', 'storage', 'bandwidth', 'estimate'],
  correctness: ['edge case', 'invariant', 'correct', 'handles', 'empty', 'duplicate', 'boundary'],
  complexity: ['o n', 'o log n', 'o 1', 'log n', 'linear', 'quadratic', 'amortised', 'amortized', 'time complexity', 'space complexity', 'memory'],
  'code-quality': ['function', 'helper', 'class', 'return', 'name', 'readable', 'invalid input', 'validate'],
  testing: ['test', 'tests', 'edge case', 'empty', 'boundary', 'example', 'assert', 'null', 'single element', 'large input'],
  'situation-task': ['situation', 'team', 'project', 'deadline', 'my role', 'i was', 'responsible', 'goal'],
  'actions-ownership': ['i proposed', 'i wrote', 'i built', 'i asked', 'i met', 'i decided', 'i led', 'i set up', 'i took', 'i suggested', 'i'],
  'results-reflection': ['result', 'outcome', 'learned', 'learnt', 'in hindsight', 'next time', 'differently', 'reduced', 'improved', 'percent'],
};

/** Distinct cue matches at which a dimension's generic evidence counts as strong. */
export const DIMENSION_CUE_TARGET: Readonly<Record<string, number>> = {
  requirements: 5,
  'high-level-architecture': 7,
  'data-model-storage': 5,
  'scalability-reliability': 6,
  'trade-offs': 4,
  communication: 4,
};
