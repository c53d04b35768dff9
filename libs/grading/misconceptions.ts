import { COORDINATION_MISCONCEPTIONS } from './misconceptions-coordination.js';

/**
 * Technical claims that are wrong whatever the question: what a strict interviewer stops a candidate on. A
 * sentence that asserts one earns no credit (naming the right concepts while getting them wrong is not
 * covering them), costs the dimension it belongs to, and is quoted back with the correction.
 *
 * Matching follows the wrong-claim contract of the rubric (libs/content/signals.schema.ts): one sentence
 * matches every `allOf` group (each a list of synonyms), none of `unless`, and no negation ahead of the claim
 * ("it is not true that …" rejects it); a keyword list asserts nothing. Unlike rubric terms, phrases match
 * exactly (stemmed, filler words included): they are specific on purpose, so a correct sentence that merely
 * names both sides of a distinction does not match. The list is general engineering knowledge, written for every question, not tuned to one.
 */
export interface Misconception {
  readonly id: string;
  /** The dimension the error counts against (a role guide dimension id; ignored where not scored). */
  readonly dimension: string;
  /** `negated`: the claim itself is a denial ("we don't need reconciliation"), so a negation does not reject it. */
  /**
   * `denies`: safeguards the sentence must deny for the claim to hold ("exactly once, so no dedup"): the wrong
   * claim is that the safeguard is unneeded.
   */
  readonly claims: readonly {
    readonly allOf: readonly (readonly string[])[];
    readonly unless?: readonly string[];
    readonly negated?: boolean;
    readonly denies?: readonly string[];
  }[];
  /** One sentence a candidate can learn from (may use semicolons, never a full stop inside). */
  readonly correction: string;
}

const SCALE = 'scalability-reliability';
const DATA = 'data-model-storage';
const ARCH = 'high-level-architecture';
const TRADE = 'trade-offs';

/** A comparison with an earlier period, as a candidate says it ("compared to last week"). */
const EARLIER_PERIOD = [
  'compare with last week',
  'compare to last week',
  'compare against last week',
  'compared with last week',
  'compared to last week',
  'with the previous week',
  'to the previous week',
  'with last month',
  'to last month',
];

/** What makes a lease safe past its holder's pause: a fencing token checked by the store, or its expiry and a takeover. */
const FENCING = [
  'fencing',
  'fence',
  'fenced',
  'token',
  'epoch',
  'attempt number',
  'expire',
  'expires',
  'expired',
  'take over',
  'takes over',
  'zombie',
  'stale',
];

/**
 * An absolute waved through without its argument: a safeguard declared unneeded ("we don't need dedup", "no need for a
 * lease"), a cost declared away ("for free", "no real trade-off", "only adds latency") or a failure declared impossible
 * ("can never", "no risk", "for certain"). One can be a fair judgement call; an answer that makes two or more is
 * waving its design's failure modes away, and each then counts as a wrong claim (`findMisconceptions`). Question
 * independent: it catches the wrong guarantee whatever the concept it is about.
 */
export const OVERCLAIM_ID = 'overclaim';
/** How many overclaims an answer makes before they count. */
export const OVERCLAIMS_TO_COUNT = 2;

export const MISCONCEPTIONS: readonly Misconception[] = [
  // Delivery, queues and messaging.
  {
    id: 'exactly-once-end-to-end',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['exactly once'],
          [
            'all the way',
            'end to end',
            'to the device',
            'to the client',
            'to the user',
            'no need for acks',
            'no need for retries',
            'no acks',
            'no retries',
            'guaranteed to show up',
            'guaranteed to arrive',
          ],
        ],
        unless: [
          'idempotent consumer',
          'idempotent consumers',
          'idempotency key',
          'dedup',
          'effectively once',
          'only holds',
          'only covers',
          'only inside',
          'only within',
          'says nothing',
        ],
      },
      {
        allOf: [
          ['kafka', 'the broker', 'the queue'],
          ['guarantees delivery to', 'guaranteed to show up', 'guaranteed to arrive', 'never lost once'],
        ],
        unless: ['ack', 'retry', 'idempot'],
      },
      // Kafka's transactions cover what the consumer writes back to Kafka, never a call it makes to another system.
      {
        allOf: [
          ['exactly once'],
          [
            'processor call',
            'call to the processor',
            'calls to the processor',
            'external call',
            'external calls',
            'side effect',
            'side effects',
            'http call',
            'api call',
            'third party call',
          ],
        ],
        unless: [
          'idempotent consumer',
          'idempotent consumers',
          'idempotency key',
          'idempotency keys',
          'dedup',
          'effectively once',
          'at least once',
          'outbox',
          'only covers',
          'only holds',
          'says nothing',
          'only within',
          'only inside',
          'stops at',
          'outside',
          'isn t',
          'is not',
          'not possible',
          'not achievable',
          'must be idempotent',
          'be idempotent',
          'are idempotent',
          'is idempotent',
        ],
      },
      // A worker that dies mid-job leaves no record of how far it got: whatever runs it again is at-least-once.
      {
        allOf: [
          ['exactly once'],
          [
            'even if a worker crashes',
            'even if the worker crashes',
            'even if a worker dies',
            'even if the worker dies',
            'even if it crashes',
            'even if it dies',
            'even if the consumer crashes',
            'even if a consumer crashes',
            'even if the consumer dies',
            'even if a node crashes',
            'even if the node crashes',
            'even if the process crashes',
            'even if something crashes',
            'even if a worker restarts',
            'even if the worker restarts',
            'even when a worker crashes',
            'even when the worker crashes',
            'even after a crash',
            'even on a crash',
            'even with crashes',
            'despite crashes',
            'despite a crash',
          ],
        ],
        unless: [
          'idempotent',
          'dedup',
          'effectively once',
          'at least once',
          'impossible',
          'not possible',
          'not achievable',
          'can t promise',
          'cannot promise',
        ],
      },
      // "Exactly once, so no acks / no dedup": the safeguards at-least-once delivery needs, declared unneeded. Kafka's
      // idempotent producer only dedups its own retries into the log: it is no safeguard of the consumer's.
      {
        allOf: [['exactly once']],
        denies: ['ack', 'acks', 'acknowledgement', 'retry', 'retries', 'dedup', 'dedupe', 'deduplication', 'deduplicate'],
        unless: [
          'idempotent consumer',
          'idempotent consumers',
          'idempotent handler',
          'idempotent handlers',
          'idempotent processing',
          'idempotent write',
          'idempotent writes',
          'idempotent upsert',
          'idempotent job',
          'idempotent jobs',
          'is idempotent',
          'are idempotent',
          'be idempotent',
          'idempotency key',
          'idempotency keys',
          'idempotency check',
          'at least once',
          'effectively once',
        ],
      },
    ],
    correction:
      'no broker delivers exactly once to a device or an external system; you get at-least-once delivery plus idempotent consumers or deduplication, and the client still acknowledges',
  },
  {
    id: 'delivery-semantics-swapped',
    dimension: SCALE,
    claims: [
      // "Charged at most once, never lost" is a payment's pair of requirements, not a delivery semantic.
      {
        allOf: [['at most once'], ['never lose', 'never lost', 'no loss', 'nothing is lost', 'nothing gets lost', 'no message is lost']],
        unless: ['charged', 'billed'],
      },
      {
        allOf: [
          ['at least once'],
          [
            'no duplicates',
            'never duplicated',
            'never duplicates',
            'never get duplicates',
            'never delivered twice',
            'never runs twice',
            'never run twice',
            'never processed twice',
            'never executed twice',
            'never delivered more than once',
            'no job runs twice',
            'runs only once',
          ],
        ],
        unless: ['dedup', 'idempot', 'unique'],
      },
    ],
    correction:
      'at-most-once never redelivers, so it can lose messages; at-least-once never loses them but can deliver twice, so consumers deduplicate',
  },
  {
    id: 'pubsub-is-durable',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['pub sub', 'pubsub'],
          ['persistent', 'durable', 'stores messages', 'keeps messages', 'receives everything when they reconnect', 'replays'],
        ],
      },
      {
        allOf: [
          ['pub sub', 'pubsub'],
          [
            'keeps the messages',
            'stores the messages',
            'keeps every message',
            'stores every message',
            'whatever it missed',
            'whatever they missed',
            'everything it missed',
            'everything they missed',
          ],
        ],
        unless: ['google', 'gcp', 'cloud pub sub', 'streams', 'jetstream', 'inbox'],
      },
    ],
    correction:
      'Redis pub/sub is fire-and-forget: a subscriber that is offline misses the message, so offline users need a durable inbox or a stream (Kafka, Redis Streams) to catch up from',
  },
  // Scaling.
  {
    id: 'horizontal-means-bigger-box',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['scale horizontally', 'horizontal scaling', 'horizontally scale', 'scale out'],
          ['largest instance', 'bigger instance', 'bigger machine', 'bigger server', 'more cores', 'more ram', 'vertical'],
        ],
        unless: ['instead of', 'rather than', 'unlike', 'not vertical', 'versus', 'vs', 'shard'],
      },
    ],
    correction:
      'scaling horizontally means adding machines and spreading load across them; a bigger single box is vertical scaling, which has a ceiling and stays a single point of failure',
  },
  {
    id: 'single-node-never-fails',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          [
            'can t go down',
            'cannot go down',
            'can t really go down',
            'never goes down',
            'never fails',
            'can never fail',
            'will not go down',
            'won t go down',
            'always available',
          ],
        ],
        unless: ['assume', 'slo', 'sla', 'nine'],
      },
    ],
    correction:
      'every component fails eventually, replicated ones included (failover windows, partitions, bad deploys); a design says what happens while it is down',
  },
  {
    id: 'batching-lowers-latency',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['batch', 'batches', 'batching'],
          [
            'lower latency',
            'less latency',
            'reduces latency',
            'faster delivery',
            'arrives faster',
            'arrives sooner',
            'no real trade off',
            'no trade off',
          ],
        ],
        unless: ['throughput', 'adds latency', 'higher latency', 'waits'],
      },
      // "Batching improves both": the trade-off denied outright.
      {
        allOf: [
          ['batch', 'batches', 'batching'],
          [
            'improves both',
            'improve both',
            'helps both',
            'better for both',
            'wins on both',
            'lower latency and higher throughput',
            'higher throughput and lower latency',
            'lowers latency as well as',
            'lower latency as well as',
            'reduces latency as well as',
            'as well as lowering latency',
            'as well as reducing latency',
            'is the latency optimisation',
            'is the latency optimization',
            'is a latency optimisation',
            'is a latency optimization',
          ],
        ],
        unless: [
          'trade off',
          'at the cost',
          'costs latency',
          'adds latency',
          'higher latency',
          'more latency',
          'waits',
          'small batch',
          'small batches',
          'smaller batch',
          'smaller batches',
          'under load',
          'queueing',
        ],
      },
    ],
    correction:
      'batching raises throughput by amortising per-message overhead, but each message waits for its batch, so latency goes up; latency-critical traffic skips or bounds the batch',
  },
  {
    id: 'await-is-asynchronous',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['await', 'awaiting'],
          ['runs asynchronously', 'is asynchronous', 'doesn t add latency', 'does not add latency', 'no added latency', 'adds no latency'],
        ],
      },
    ],
    correction:
      'awaiting a call inside the request handler still holds the response until it finishes; work off the hot path goes to a queue or a fire-and-forget buffer',
  },
  // Consistency, replication, hashing.
  {
    id: 'consistent-hashing-is-consistency',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['consistent hashing'],
          [
            'strongly consistent',
            'strong consistency',
            'never serve a stale',
            'never stale',
            'keeps the cache consistent',
            'consistent with the database',
          ],
        ],
      },
    ],
    correction:
      'consistent hashing only decides which node owns a key and limits remapping when nodes change; it says nothing about data consistency or staleness',
  },
  {
    id: 'consistent-hashing-copies-everywhere',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['consistent hashing', 'hash ring'],
          [
            'every key on every node',
            'every key ends up on every node',
            'resident on every node',
            'every node has every key',
            'every node holds every key',
            'each node holds every key',
            'each node has every key',
            'every node has all the keys',
            'each node has all the keys',
            'all keys on every node',
            'copied to every node',
            'replicated to every node',
            'replicated on every node',
            'stored on every node',
            'cached on every node',
            'cache misses can t happen',
            'misses can t happen',
            'misses essentially can t happen',
            'cache misses are impossible',
            'no cache misses',
            'never a cache miss',
            'eliminates cache misses',
          ],
        ],
        unless: ['one node', 'a single node', 'only one', 'exactly one', 'owner', 'owns', 'replication factor', 'successor', 'next node'],
      },
    ],
    correction:
      'consistent hashing maps each key to one node (plus a few replicas), so every node holds a slice of the keys; misses still happen for keys that are cold, evicted or just remapped',
  },
  {
    id: 'sync-replication-free',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['synchronous replication', 'replication is synchronous', 'replicates synchronously'],
          ['no extra latency', 'no latency', 'without latency', 'no cost', 'for free', 'always see exactly the same'],
        ],
      },
    ],
    correction:
      'synchronous replication across regions adds at least a cross-region round trip to every write and stalls when the other side is unreachable; that is the price of the same view everywhere',
  },
  {
    id: 'single-threaded-means-atomic',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['single threaded', 'one command at a time', 'single thread', 'commands one by one', 'executes commands sequentially'],
          [
            'race free',
            'can never interleave',
            'never interleave',
            'no race',
            'can t race',
            'cannot race',
            'without needing lua',
            'no need for lua',
            'no need for transactions',
            'atomic by default',
            'every operation is atomic',
            'each operation is atomic',
            'all operations are atomic',
            'automatically atomic',
            'atomic for free',
            'comes for free',
            'can t race',
            'can t interfere',
            'cannot interfere',
            'no other gateway can get in between',
            'nothing can get in between',
            'serialises them for us',
            'serializes them for us',
            'followed by a set is atomic',
            'then a set is atomic',
            'then set is atomic',
            'get and set are atomic',
            'get and set is atomic',
            'sequence is atomic',
            'read then write is atomic',
            'read and write are atomic',
            'no race conditions',
            'no race condition',
            'there are no races',
          ],
        ],
        unless: ['single command', 'in one command', 'as one command', 'one atomic command', 'incr', 'lua', 'multi'],
      },
      // Declaring the atomic script unneeded is the claim itself, so naming Lua does not qualify it.
      {
        allOf: [
          ['single threaded', 'one command at a time', 'single thread'],
          [
            'don t need lua',
            'do not need lua',
            'no need for lua',
            'without needing lua',
            'no need for multi',
            'don t need multi',
            'no need for transactions',
          ],
        ],
        negated: true,
        unless: ['incr', 'incrby', 'for a single', 'single incr'],
      },
    ],
    correction:
      'a single-threaded server runs each command atomically, but a GET followed by a SET from a client is two commands that other clients can interleave; use one atomic command (INCR) or a Lua script',
  },
  {
    id: 'consistent-hashing-moves-nothing',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['consistent hashing'],
          ['no keys move', 'no data moves', 'nothing moves', 'no keys need to move', 'no rebalancing at all', 'without moving any'],
        ],
      },
    ],
    correction:
      'consistent hashing keeps remapping small, not zero: adding or removing a node moves about 1/N of the keys, which must be migrated or refilled',
  },
  {
    id: 'read-replicas-scale-writes',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['read replica', 'read replicas'],
          ['scale writes', 'scales writes', 'write throughput', 'handle more writes', 'spread the writes', 'spreads the writes'],
        ],
        unless: ['not', 'only reads', 'primary', 'leader', 'shard'],
      },
    ],
    correction: 'every write still goes to the primary and is replayed on each replica; replicas scale reads, and write throughput needs sharding',
  },
  {
    id: 'cap-pick-all-three',
    dimension: TRADE,
    claims: [{ allOf: [['cap'], ['all three', 'consistency and availability during a partition', 'both consistent and available during']] }],
    correction: 'during a network partition a system must choose between consistency and availability; CAP says you cannot keep both then',
  },
  {
    id: 'cassandra-strong-by-default',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['cassandra', 'dynamodb'],
          ['strongly consistent by default', 'strong consistency by default', 'always strongly consistent', 'acid transactions across'],
        ],
      },
    ],
    correction:
      'Cassandra and DynamoDB are eventually consistent by default; strong reads need quorum (or strongly consistent reads) and cost latency, and multi-item transactions are limited',
  },
  // Hashing, identifiers, encoding.
  {
    id: 'truncated-hash-unique',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['truncated', 'first six characters', 'first 6 characters', 'first few characters', 'first 7 characters', 'first seven characters'],
          ['won t collide', 'never collide', 'no collisions', 'skip the uniqueness check', 'collision free', 'won t map to the same'],
        ],
      },
      {
        allOf: [
          ['hash', 'md5', 'sha'],
          ['skip the uniqueness check', 'no need to check for collisions', 'no need for a uniqueness check'],
        ],
      },
      // "Collisions aren't a concern: we keep the first 7 characters of the hash."
      {
        allOf: [
          [
            'first 6 characters',
            'first six characters',
            'first 7 characters',
            'first seven characters',
            'first 8 characters',
            'first eight characters',
            'leading 6 characters',
            'leading 7 characters',
            'leading seven characters',
            'leading characters',
            'first few characters',
            'truncate',
            'truncated',
            'truncating',
            'prefix of the hash',
          ],
          [
            'collisions aren t a concern',
            'collisions are not a concern',
            'collisions aren t an issue',
            'collisions are not an issue',
            'collisions aren t a problem',
            'collisions are not a problem',
            'collisions don t matter',
            'collisions do not matter',
            'collisions can t happen',
            'collisions cannot happen',
            'collisions are impossible',
            'can t collide',
            'cannot collide',
            'no risk of collision',
            'no risk of collisions',
            'don t worry about collisions',
            'no need to worry about collisions',
          ],
        ],
        unless: [
          'check',
          'checks',
          'retry',
          'retries',
          'uniqueness',
          'unique constraint',
          'unique index',
          'conditional',
          'salt',
          'rehash',
          'counter',
          'birthday',
        ],
      },
      // "…so no collision check is needed": the safeguard a hash prefix needs, declared unneeded.
      {
        allOf: [['hash', 'md5', 'sha', 'truncating', 'truncated', 'prefix']],
        denies: ['collision check', 'collision checks', 'uniqueness check', 'uniqueness checks', 'check for collisions', 'collision handling'],
      },
    ],
    correction:
      'a hash cut to a few characters collides quickly (birthday bound: about √N codes), so truncated hashes need a uniqueness check and a retry or a counter-based id',
  },
  {
    id: 'encoding-is-encryption',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['base62', 'base64', 'base 62', 'base 64', 'encoding'],
          ['kind of encryption', 'is encryption', 'makes the link safe', 'makes it secure', 'encrypts'],
        ],
      },
    ],
    correction: 'base62/base64 is a reversible encoding, not encryption: it hides nothing and makes nothing safe',
  },
  {
    id: 'auto-increment-scales',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['auto increment', 'autoincrement', 'sequence'],
          ['across shards without coordination', 'unique across all shards', 'no coordination needed', 'no bottleneck'],
        ],
      },
    ],
    correction:
      'one auto-increment sequence is a single writer and a bottleneck; unique ids across shards need ranges, Snowflake-style ids or random ids with a check',
  },
  // HTTP and the web.
  {
    id: 'redirect-codes-swapped',
    dimension: ARCH,
    claims: [
      { allOf: [['301 temporary', '301 is temporary', '301 is the temporary', '301 temporary redirect']] },
      { allOf: [['302 permanent', '302 is permanent', '302 is the permanent', '302 permanent redirect']] },
    ],
    correction: 'a 301 is a permanent redirect that browsers cache (clicks stop reaching you); a 302 or 307 is temporary and comes back every time',
  },
  {
    id: 'cached-redirect-still-counted',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['301', 'permanent redirect', 'cached redirect'],
          [
            'don t lose analytics',
            'do not lose analytics',
            'still sends',
            'still pings',
            'still reaches the origin',
            'still hits our server',
            'still count every click',
            'still counts every click',
            'ping to the origin',
            'still tells us about every click',
            'still tells us',
            'still reports',
            'still report',
            'still see every click',
            'still get every click',
            'analytics stay complete',
            'analytics stay accurate',
            'analytics remain accurate',
            'analytics remain complete',
            'no clicks are lost',
            'without losing clicks',
            'report each later use',
            'report every later use',
            'reports each later use',
            'report each use',
            'report back to the origin',
            'back to the origin',
            'keep full analytics',
            'full analytics',
          ],
        ],
        negated: true,
        unless: ['302', '307', 'temporary'],
      },
    ],
    correction:
      'a browser that cached a 301 follows it without contacting you, so those clicks are invisible; counting every click needs a 302/307 (or a short cache lifetime)',
  },
  {
    id: 'websocket-is-stateless',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['websocket', 'websockets'],
          ['stateless', 'any server can push', 'no need to know which server', 'never have to work out which server'],
        ],
        unless: ['registry', 'presence', 'lookup', 'look up', 'session map', 'which server holds', 'which gateway holds', 'sticky'],
      },
    ],
    correction:
      'a WebSocket is a long-lived connection held by one server; pushing to a user means knowing which server holds their connection (a presence/session registry) or broadcasting',
  },
  {
    id: 'cdn-for-dynamic-writes',
    dimension: ARCH,
    claims: [
      {
        allOf: [['cdn'], ['handles writes', 'caches writes', 'stores the writes', 'makes writes faster', 'writes go through the cdn and are cached']],
      },
    ],
    correction: 'a CDN caches reads of cacheable content at the edge; writes and personalised responses go to your origin',
  },
  // Caching.
  {
    id: 'cache-is-durable',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['cache', 'memcached', 'in memory cache'],
          ['source of truth', 'system of record', 'durable store', 'durable storage', 'no need for a database', 'don t need a database'],
        ],
        unless: [
          'not',
          'aof',
          'fsync',
          'persist',
          'replicated',
          'replica',
          'replicas',
          'backed by',
          'write through',
          'write behind',
          'rebuild',
          'rebuilt',
          'in front of',
          'stays the source of truth',
          'remains the source of truth',
          'is still the source of truth',
        ],
      },
      {
        allOf: [
          [
            'redis the system of record',
            'redis is the system of record',
            'redis as the system of record',
            'redis cluster the system of record',
            'redis cluster as the system of record',
            'redis the source of truth',
            'redis is the source of truth',
            'redis as the source of truth',
            'redis cluster the source of truth',
            'redis our system of record',
            'redis our source of truth',
          ],
        ],
        unless: ['aof', 'fsync', 'appendfsync', 'persist', 'replicated', 'replica', 'replicas', 'durable', 'backed by', 'rebuild', 'rebuilt'],
      },
    ],
    correction:
      'a cache evicts and loses entries on restart or failover by design; the durable store is the source of truth and the cache can always be rebuilt from it',
  },
  {
    id: 'offset-pages-stable',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['page number', 'offset', 'page 2'],
          ['always the same set', 'is always the same', 'stays stable', 'pages never shift', 'never shift', 'don t shift'],
        ],
        unless: ['cursor', 'keyset', 'seek'],
      },
    ],
    correction:
      'an OFFSET page shifts whenever items are inserted or deleted before it (duplicates and gaps) and rescans the skipped rows; a cursor on the last item seen stays stable',
  },
  {
    id: 'random-uuid-time-ordered',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['uuidv4', 'uuid v4', 'uuid4', 'random uuid', 'random uuids'],
          ['time ordered', 'time sortable', 'sortable by time', 'sorted by time', 'monotonic', 'k sortable'],
        ],
        unless: ['uuidv7', 'uuid v7', 'snowflake', 'ulid'],
      },
    ],
    correction: 'a version-4 UUID is random, so ids sort in no particular order; time-ordered ids need UUIDv7, ULIDs or Snowflake-style ids',
  },
  {
    id: 'cache-never-stale',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['cache'],
          ['never stale', 'never be stale', 'always fresh', 'always up to date', 'always consistent with the database', 'never serve a stale'],
        ],
        unless: ['invalidate', 'invalidation', 'write through', 'ttl', 'evict'],
      },
    ],
    correction:
      'a cache is stale by design between a write and its invalidation or expiry; say how you invalidate (write-through, delete on write, TTL) and how stale is acceptable',
  },
  {
    id: 'cache-everything-forever',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['cache', 'keep', 'store'],
          ['everything forever', 'every sample at full resolution forever', 'all of it forever', 'forever at full resolution'],
        ],
        unless: ['expensive', 'cost', 'too much', 'cannot', 'can t', 'impossible'],
      },
    ],
    correction:
      'keeping everything at full resolution forever is the cost problem, not a solution; tier, downsample and expire by how the data is used',
  },
  {
    id: 'object-storage-free-and-fast',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['object storage', 's3', 'blob storage'],
          ['nearly free', 'basically free', 'essentially free', 'costs nothing', 'query all of it in real time', 'as fast as memory'],
        ],
      },
    ],
    correction:
      'object storage is cheap per GB but not free (requests and egress cost), and it is slow to query in place; hot data needs an indexed store',
  },
  // Observability.
  {
    id: 'more-labels-cheaper',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['labels', 'tags', 'dimensions'],
          [
            'cheaper queries',
            'queries get cheaper',
            'the cheaper queries',
            'smaller result sets',
            'more labels means faster',
            'makes queries cheaper',
            'make queries cheaper',
            'queries cheaper',
            'lowers the cost',
            'reduces the cost',
          ],
        ],
      },
      {
        allOf: [
          ['user id', 'user_id', 'request id', 'request_id', 'session id', 'session_id'],
          ['as labels on every metric', 'as a label on every metric', 'label on every metric', 'on every metric', 'every request metric gets'],
        ],
        unless: ['cap', 'limit', 'avoid', 'drop', 'reject', 'forbid', 'in logs', 'in traces', 'exemplar', 'cardinality'],
      },
      {
        allOf: [
          ['label', 'labels'],
          ['compresses away', 'compress away'],
        ],
      },
      {
        allOf: [
          ['label', 'labels', 'label values'],
          ['cost nothing', 'costs nothing', 'cost essentially nothing', 'any number of label values', 'no reason to restrict'],
        ],
        unless: ['not', 'never', 'cardinality explosion'],
      },
      { allOf: [['samples'], ['not the number of series', 'not the series count']], negated: true },
    ],
    correction:
      'every label value multiplies the number of time series; high-cardinality ids (user, request, session) belong in logs and traces, not metric labels',
  },
  {
    id: 'pull-push-swapped',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['pull model', 'pull based', 'in a pull', 'with pull', 'pull is when'],
          [
            'pushes its metrics',
            'push its metrics',
            'services push',
            'each service pushes',
            'every service pushes',
            'push their metrics',
            'pushes their metrics',
            'each application pulls',
            'the application pulls',
            'applications pull',
            'each service pulls',
            'the service pulls',
            'streams its metrics',
            'streams their metrics',
            'sends its metrics to',
            'send their metrics to',
          ],
        ],
        unless: [
          'in push',
          'in a push',
          'in the push',
          'push model',
          'with push',
          'push based',
          'whereas',
          'while',
          'but push',
          'in contrast',
          'scrape config',
        ],
      },
      {
        allOf: [
          ['push model', 'push based', 'push is', 'in a push', 'with push'],
          [
            'goes out and fetches',
            'scrapes every',
            'scrapes each',
            'server fetches from',
            'central server pulls',
            'server pulls from',
            'collector pulls from',
            'collector scrapes',
            'server scrapes',
          ],
        ],
        unless: ['in pull', 'in a pull', 'pull model', 'with pull', 'pull based', 'whereas', 'while', 'but pull', 'in contrast'],
      },
      // Prometheus scrapes its targets; pushing into it takes the Pushgateway or a remote-write/OTLP receiver.
      {
        allOf: [['prometheus'], ['pushes its metrics', 'services push', 'each service pushes', 'push their metrics']],
        unless: ['pushgateway', 'push gateway', 'remote write', 'otlp'],
      },
    ],
    correction: 'in a pull model the collector scrapes each target (Prometheus); in a push model each service sends its data to a collector',
  },
  {
    id: 'tracing-without-instrumentation',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['spans', 'trace', 'tracing'],
          [
            'generated automatically by the network',
            'don t need any changes',
            'no changes to the services',
            'only on the ingress gateway',
            'only need to put the tracing agent on the ingress',
          ],
        ],
      },
    ],
    correction:
      'each service must propagate the trace context (an SDK, auto-instrumentation or a mesh sidecar on every hop); a span at the ingress alone cannot see what happens downstream',
  },
  {
    id: 'page-on-every-error',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['page', 'alert', 'pages', 'paging', 'alerts', 'alerting', 'wake up', 'pagerduty'],
          [
            'every error log line',
            'every error',
            'every exception',
            'every log line',
            'each error',
            'each exception',
            'any error',
            'any exception',
            'every 5xx',
            'any 5xx',
            'every single error',
            'every failed request',
            'each failed request',
            'every stack trace',
          ],
        ],
        unless: ['not', 'instead of', 'rather than', 'slo', 'burn rate', 'symptom', 'ticket', 'tickets', 'dashboard', 'dashboards'],
      },
    ],
    correction:
      'paging on every error buries on-call in noise; page on user-facing symptoms and SLO burn rates, and send the rest to dashboards or tickets',
  },
  {
    id: 'head-sampling-keeps-errors',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['head based sampling', 'head sampling', 'sampling decision is made at the start', 'decision is made at the start', 'decided at the start'],
          [
            'guaranteed to be kept',
            'every error is kept',
            'all errors are kept',
            'keeps every error',
            'never lose the interesting',
            'every trace that later errors',
            'keeps all the failing',
            'keeps all failing',
            'keeps all error',
            'keeps every failing',
            'keeps all the errors',
            'all error traces are kept',
            'every error trace',
            'keeps every error trace',
            'keeping every error trace',
            'keep every error trace',
            'keeps all error traces',
            'keep all error traces',
            'keeps the error traces',
            'still keeps the errors',
            'still keep the errors',
            'never drops errors',
            'never drops an error',
            'never loses an error',
            'errors are always kept',
            'errors are never dropped',
            'always keep traces with errors',
            'always keeps traces with errors',
            'error traces are always kept',
            'guarantees that error traces',
            'guarantees error traces',
            'errors are always captured',
            'error traces are always captured',
            'never misses an error',
            'never miss an error',
          ],
        ],
        unless: ['tail', 'can t', 'cannot'],
      },
    ],
    correction:
      'a head-based sampler decides before the request has run, so it keeps or drops an error trace at the same rate as any other; keeping every error or slow trace needs tail-based sampling',
  },
  {
    id: 'indexing-saves-storage',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['index', 'indexing', 'indexes', 'inverted index'],
          ['reduces storage', 'saves storage', 'less storage', 'cheaper than raw', 'cheaper than dumping raw', 'cheaper than storing raw'],
        ],
      },
    ],
    correction:
      'an index is extra data next to the raw data: full-text indexing every field often doubles the footprint, which is why cold logs go to cheap object storage unindexed',
  },
  // Rate limiting.
  {
    id: 'rate-limit-algorithms-swapped',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['sliding window log', 'sliding log'],
          ['most memory efficient', 'single integer per key', 'one integer per key'],
        ],
        unless: ['timestamp', 'per request'],
      },
      {
        allOf: [
          ['token bucket'],
          [
            'never lets any burst',
            'no bursts',
            'never allows bursts',
            'can t handle bursts',
            'cannot handle bursts',
            'doesn t allow bursts',
            'does not allow bursts',
            'the strictest',
          ],
        ],
      },
      {
        allOf: [
          ['fixed window', 'fixed windows'],
          ['exact at the boundaries', 'exact at the boundary', 'no risk of a client doubling', 'no boundary problem'],
        ],
      },
      {
        allOf: [
          ['fixed window', 'fixed windows'],
          ['never exceed the limit', 'can never exceed', 'never go over the limit', 'never goes over the limit'],
        ],
        negated: true,
        unless: ['double', 'twice', '2x', 'boundary burst', 'don t guarantee', 'doesn t guarantee', 'cannot guarantee', 'can t guarantee'],
      },
      {
        allOf: [
          ['fixed window', 'fixed windows', 'fixed window counter', 'fixed window counters'],
          [
            'most accurate',
            'the exact option',
            'the exact one',
            'the most exact',
            'most precise',
            'perfectly accurate',
            'completely accurate',
            '100 accurate',
            'the accurate option',
            'the accurate one',
          ],
        ],
        unless: ['sliding log', 'sliding window log', 'boundary', 'boundaries', 'double', 'twice', '2x', 'least accurate', 'less accurate'],
      },
      // The boundary burst pinned on the sliding-window counter, whose weighting of the previous window is what removes it.
      {
        allOf: [
          ['sliding window counter', 'sliding window counters', 'sliding window'],
          [
            'double the limit',
            'twice the limit',
            'double their limit',
            'twice their limit',
            'double its limit',
            '2x the limit',
            'burst to double',
            'burst to twice',
            'boundary burst',
            'burst at the boundary',
            'burst at the window boundary',
          ],
        ],
        unless: [
          'fixed window',
          'fixed windows',
          'can t',
          'cannot',
          'prevents',
          'removes',
          'fixes',
          'solves',
          'smooths',
          'eliminates',
          'weight',
          'weighted',
          'weights',
        ],
      },
      // A token bucket keeps a token count and a refill time; a timestamp per request is the sliding log.
      {
        allOf: [
          ['token bucket', 'token buckets'],
          [
            'timestamp for every request',
            'timestamp for each request',
            'timestamp per request',
            'timestamp of every request',
            'timestamp of each request',
            'every request s timestamp',
            'list of timestamps',
            'log of timestamps',
            'log of every request',
            'remember every request',
            'store every request',
            'stores every request',
          ],
        ],
        unless: ['sliding log', 'sliding window log', 'log based', 'last refill', 'refill time', 'refill timestamp', 'two numbers', 'two values'],
      },
      {
        allOf: [
          ['fixed window', 'fixed windows', 'fixed window counter'],
          [
            'prevent bursts',
            'prevents bursts',
            'prevent boundary bursts',
            'prevents boundary bursts',
            'no bursts at',
            'avoid bursts at',
            'avoids bursts at',
            'stop bursts at',
            'stops bursts at',
            'handle the boundary',
            'handles the boundary',
          ],
        ],
        unless: ['double', 'twice', '2x', 'sliding', 'can t', 'cannot'],
      },
    ],
    correction:
      'a sliding log keeps a timestamp per request (the most memory), a token bucket is designed to allow bursts up to its size, and a fixed window lets a client double its rate across the boundary',
  },
  {
    id: 'leaky-bucket-bursts',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          [
            'leaky bucket lets',
            'leaky bucket allows',
            'leaky bucket permits',
            'leaky bucket is the one that lets',
            'leaky bucket is the one that allows',
            'leaky bucket is the one for',
            'leaky bucket handles bursts',
            'leaky bucket is better for bursts',
            'leaky bucket is the bursty',
            'leaky bucket is ideal',
            'leaky bucket is best',
            'leaky bucket is the best',
            'leaky bucket is good for',
            'leaky bucket is great for',
            'leaky bucket is designed for',
            'leaky bucket is the right choice',
          ],
          ['burst', 'bursts', 'bursty', 'all at once'],
        ],
        unless: ['queue', 'queues', 'queued', 'drain', 'drains', 'constant rate', 'fixed rate', 'steady rate', 'smooth', 'smooths', 'smoothed'],
      },
      {
        allOf: [
          [
            'token bucket forces',
            'token bucket enforces',
            'token bucket imposes',
            'token bucket keeps',
            'token bucket gives',
            'token bucket smooths',
            'token bucket outputs',
            'token bucket sends',
          ],
          ['even rate', 'constant rate', 'steady rate', 'fixed rate', 'perfectly smooth', 'smooth rate', 'steady flow', 'constant flow'],
        ],
        unless: [
          'average',
          'allows bursts',
          'allow bursts',
          'allowing bursts',
          'up to the bucket',
          'up to its',
          'bucket size',
          'capacity',
          'long run',
        ],
      },
    ],
    correction:
      'a leaky bucket drains at a constant rate and smooths bursts away; the token bucket is the one that lets a client burst, up to the tokens it saved, while holding its average rate',
  },
  {
    id: 'local-limits-are-global',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          [
            'in memory',
            'in process',
            'local memory',
            'each gateway s memory',
            'local counter',
            'local counters',
            'each gateway keeps its own',
            'each instance keeps its own',
            'per gateway counter',
            'per gateway counters',
            'per instance counter',
            'per instance counters',
            'local token bucket',
            'local token buckets',
          ],
          [
            'global limit',
            'exact limit across',
            'enforces the limit across all',
            'globally exact',
            'exact global',
            'the same limit across',
            'fleet wide limit',
            'cluster wide limit',
            'limit across all gateways',
            'limit across all instances',
          ],
        ],
        unless: [
          'divide',
          'divided',
          'split',
          'approximate',
          'approximately',
          'sync',
          'synced',
          'gossip',
          'times the number',
          'multiplied',
          'per instance limit',
          'over admit',
          'overshoot',
          'fallback',
          'fall back',
          'falls back',
          'degraded',
        ],
      },
    ],
    correction: "a limit kept in each instance's memory is per instance; a global limit needs a shared store or limits divided across instances",
  },
  {
    id: 'redis-replication-synchronous',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['redis', 'sentinel', 'redis cluster', 'elasticache'],
          [
            'replication is synchronous',
            'replicates synchronously',
            'synchronous replication',
            'synchronously replicated',
            'replicated synchronously',
            'replicas are synchronous',
            'failover is lossless',
            'lossless failover',
            'replica has every increment',
            'replica has every write',
            'replicas have every write',
            'failover loses nothing',
            'failover never loses',
            'no increments are lost',
          ],
        ],
        unless: ['wait', 'not', 'asynchronous', 'async', 'can lose', 'may lose', 'might lose'],
      },
    ],
    correction:
      'Redis replicates asynchronously: a primary that dies can take its last acknowledged writes with it, so a failover may lose recent increments',
  },
  {
    id: 'lock-without-expiry-safer',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['lock', 'setnx', 'set nx', 'locks', 'the key'],
          [
            'never expires',
            'no expiry',
            'without expiry',
            'without an expiry',
            'without a ttl',
            'no ttl',
            'with no expiry',
            'with no ttl',
            'no timeout',
            'without a timeout',
            'never times out',
          ],
          [
            'safer',
            'two nodes can never',
            'can never hold the same',
            'more reliable',
            'more correct',
            'two workers can never',
            'can never be held by two',
          ],
        ],
        negated: true,
        unless: ['forever', 'crash', 'crashes', 'crashed', 'dies', 'deadlock', 'fencing', 'not safer', 'isn t safer'],
      },
      {
        allOf: [
          ['setnx', 'set nx', 'lock', 'locks', 'locking'],
          ['with no expiry', 'with no ttl', 'without a ttl', 'without an expiry', 'without expiry', 'with no timeout'],
          ['i d use', 'we use', 'we ll use', 'i use', 'we take', 'i d take', 'use redis'],
        ],
        unless: ['forever', 'crash', 'crashes', 'crashed', 'dies', 'deadlock', 'fencing', 'never', 'stuck'],
      },
    ],
    correction:
      'a lock that never expires is held forever by a holder that crashes; distributed locks are leases with a TTL, renewed while alive, plus a fencing token against a holder that wakes up late',
  },
  {
    id: 'kafka-scales-without-limit',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['kafka'],
          [
            'scales without limit',
            'scales essentially without limit',
            'scales infinitely',
            'infinitely scalable',
            'unlimited scale',
            'backlog disappears',
          ],
        ],
      },
    ],
    correction:
      'a Kafka topic scales with its partitions, but consumers, brokers and downstream systems still have limits; a burst is absorbed as lag that the consumers must drain',
  },
  // Data stores and transactions.
  {
    id: 'index-speeds-writes',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['index', 'indexes', 'indices'],
          ['faster writes', 'speed up writes', 'speeds up writes', 'makes writes faster', 'writes get faster'],
        ],
      },
    ],
    correction: 'indexes speed up reads of the columns they cover and slow every write, which must update them too',
  },
  {
    id: 'two-phase-commit-available',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['two phase commit', '2pc', 'xa transaction', 'xa transactions'],
          [
            'highly available',
            'never blocks',
            'no availability cost',
            'scales well',
            'fast and available',
            'even if the coordinator crashes',
            'even if the coordinator dies',
            'even if the coordinator fails',
            'coordinator failure is harmless',
            'no single point of failure',
            'is non blocking',
            'can never block',
            'no blocking',
            'without blocking',
            'no latency cost',
            'no performance cost',
            'scales horizontally',
            'the standard for microservices',
          ],
        ],
        unless: ['three phase', '3pc', 'paxos commit', 'raft', 'consensus', 'replicated coordinator'],
      },
    ],
    correction:
      'two-phase commit blocks while the coordinator or a participant is down and adds round trips; it trades availability and latency for atomicity',
  },
  {
    id: 'idempotency-makes-retries-unneeded',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['idempotency key', 'idempotency keys', 'idempotent'],
          [
            'no need to retry',
            'no need for retries',
            'never need to retry',
            'retries are unnecessary',
            'prevents failures',
            'prevent failures',
            'requests never fail',
            'calls never fail',
            'the request can t fail',
            'don t need retries',
            'don t need to retry',
            'retries aren t needed',
            'no retries are needed',
          ],
        ],
      },
    ],
    correction:
      'idempotency does not prevent failures; it makes retries safe, so the client can retry until it gets a definite answer without charging twice',
  },
  {
    id: 'floats-for-money',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['float', 'floats', 'floating point', 'double precision'],
          ['money', 'amounts', 'currency', 'balances', 'prices'],
        ],
        unless: ['not', 'never', 'avoid', 'instead', 'integer', 'cents', 'decimal', 'minor units'],
      },
    ],
    correction:
      'money is stored as integers in minor units (cents) or exact decimals; binary floating point cannot represent most decimal amounts and rounds silently',
  },
  {
    id: 'sql-cannot-scale',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['sql', 'relational', 'postgres', 'mysql'],
          ['can t scale', 'cannot scale', 'doesn t scale at all', 'does not scale at all', 'can never scale'],
        ],
      },
    ],
    correction:
      'relational databases scale far with replicas, partitioning and sharding; the real question is which access patterns and consistency needs the data has',
  },
  {
    id: 'nosql-no-schema-needed',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['nosql', 'cassandra', 'mongodb', 'dynamodb'],
          ['no need to design', 'don t need a data model', 'no data model', 'schema doesn t matter', 'schemaless so we'],
        ],
      },
    ],
    correction: 'NoSQL stores need the data model designed around the queries up front (partition and sort keys); they forgive less, not more',
  },
  // Feeds, fan-out, search, recommendations.
  {
    id: 'fanout-swapped',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['fan out on write', 'fanout on write'],
          [
            'reads from every followee',
            'queries all followees',
            'fetches from every followee',
            'assembled at read time',
            'built at read time',
            'when a user opens the app we query',
            'reads the group s message log',
            'nothing is written per recipient',
          ],
        ],
        unless: ['celebrity', 'hybrid', 'instead'],
      },
      {
        allOf: [
          ['fan out on read', 'fanout on read'],
          [
            'precomputed at write time',
            'precomputed when',
            'pushes to every follower',
            'written to every follower',
            'copy their post into all',
            'copy the post into every',
            'into all follower feeds',
          ],
        ],
        unless: ['hybrid', 'instead'],
      },
      // The hybrid the wrong way round: celebrities are the accounts fan-out on write cannot afford.
      {
        allOf: [
          ['fan out on read', 'fanout on read', 'pull model'],
          [
            'bad for celebrities',
            'breaks for celebrities',
            'fails for celebrities',
            'problem for celebrities',
            'worst for celebrities',
            'doesn t work for celebrities',
          ],
        ],
        unless: ['fan out on write', 'fanout on write'],
      },
      {
        allOf: [
          [
            'celebrities use fan out on write',
            'celebrities get fan out on write',
            'fan out on write for celebrities',
            'use fan out on write for celebrities',
            'celebrity accounts use fan out on write',
            'fan out on read for regular users',
            'fan out on read for normal users',
            'fan out on read for ordinary users',
            'fan out on read for everyone else',
          ],
        ],
      },
    ],
    correction:
      "fan-out on write copies a post into followers' feeds when it is posted (cheap reads, costly for celebrities); fan-out on read assembles the feed from followees when it is read",
  },
  {
    id: 'hybrid-fanout-inverted',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          [
            'celebrity',
            'celebrity accounts',
            'most followed accounts',
            'biggest accounts',
            'large accounts',
            'popular accounts',
            'million followers',
            'millions of followers',
          ],
          [
            'worth precomputing',
            'should be precomputed',
            'are precomputed',
            'get precomputed',
            'we precompute',
            'precompute their',
            'fan out on write for',
            'fanout on write for',
            'push their posts',
            'pushed into every follower',
            'pushed to every follower',
            'pushed to all followers',
            'written into every follower',
            'copied into every follower',
          ],
        ],
        unless: [
          'except',
          'other than',
          'fewer than',
          'less than',
          'under',
          'below',
          'up to',
          'skip',
          'exclude',
          'excluded',
          'too expensive',
          'too costly',
          'would',
          'cost',
          'costs',
          'million writes',
          'read time',
          'fan out on read',
          'fanout on read',
          'pull',
          'pulled',
          'merge',
          'merged',
        ],
      },
      {
        allOf: [
          [
            'ordinary users',
            'regular users',
            'normal users',
            'ordinary accounts',
            'regular accounts',
            'normal accounts',
            'small accounts',
            'typical users',
            'average users',
            'handful of followers',
            'few followers',
            'few hundred followers',
          ],
          [
            'fetched at read time',
            'pulled at read time',
            'merged at read time',
            'assembled at read time',
            'queried at read time',
            'fetched on read',
            'pulled on read',
            'fan out on read',
            'fanout on read',
          ],
        ],
        unless: [
          'celebrity',
          'famous',
          'million followers',
          'millions of followers',
          'big accounts',
          'large accounts',
          'fan out on write',
          'fanout on write',
          'push',
          'pushed',
          'precomputed',
          'precompute',
          'cache',
          'cached',
          'too expensive',
        ],
      },
    ],
    correction:
      'in the hybrid, ordinary accounts fan out on write (few followers, cheap writes) and celebrities are pulled and merged at read time, because one celebrity post pushed to every follower means millions of feed writes',
  },
  {
    id: 'trie-lookup-constant',
    dimension: DATA,
    claims: [
      {
        allOf: [['trie'], ['o 1 for any prefix', 'constant time for any', 'independent of the prefix', 'no matter how many completions']],
        unless: ['top k', 'precomputed', 'cached at each node'],
      },
      {
        allOf: [
          ['trie', 'tries'],
          ['o 1', 'constant time'],
          ['regardless', 'no matter', 'independent of'],
        ],
        unless: ['top k', 'precomputed', 'cached at each node', 'prefix length', 'length of the prefix'],
      },
    ],
    correction:
      'a trie lookup costs the prefix length, and gathering completions below a node grows with the subtree unless each node stores its precomputed top-k',
  },
  {
    id: 'collaborative-filtering-cold-start',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['collaborative filtering'],
          ['works for new users', 'handles new users', 'solves cold start', 'no cold start', 'works for new items'],
        ],
      },
    ],
    correction:
      'collaborative filtering needs interaction history, so it fails for new users and items (cold start); content-based features or popularity fill that gap',
  },
  // Scheduling, coordination, time.
  {
    id: 'clocks-are-synchronised',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['clocks', 'timestamps', 'wall clock', 'system time'],
          ['perfectly synchronised', 'perfectly synchronized', 'always in sync', 'exactly the same time', 'total order across servers'],
        ],
        unless: ['ntp drift', 'skew', 'not'],
      },
      {
        allOf: [
          ['ntp'],
          [
            'well under a microsecond',
            'within nanoseconds',
            'perfectly synchronised',
            'perfectly synchronized',
            'same total order',
            'exactly in sync',
            'effectively exact',
          ],
        ],
      },
      // NTP keeps clocks within milliseconds on a good day, and it steps them: it never yields an order across machines.
      {
        allOf: [
          ['ntp'],
          [
            'within microseconds',
            'within a microsecond',
            'synchronized to within',
            'synchronised to within',
            'synchronised to the microsecond',
            'synchronized to the microsecond',
            'total order',
            'in perfect sync',
            'never be out of order',
            'never out of order',
            'always be in order',
            'aligned to the microsecond',
            'aligned to within',
            'accurate to the microsecond',
            'microsecond accuracy',
            'microsecond precision',
            'to the microsecond',
            'to the nanosecond',
            'see the same now',
            'the same now',
            'same wall clock',
            'identical clocks',
          ],
        ],
        unless: ['skew', 'drift', 'not', 'logical', 'lamport', 'sequence', 'sequencer', 'hybrid'],
      },
    ],
    correction:
      'server clocks drift and jump (NTP corrections), so wall-clock timestamps from different machines cannot order events reliably; use sequence numbers, logical clocks or a single sequencer',
  },
  {
    id: 'retries-give-exactly-once',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['retry', 'retries', 'retrying', 'redeliver', 'redelivery'],
          ['exactly once', 'exactly one time'],
        ],
        unless: ['idempot', 'dedup', 'same', 'original', 'unique', 'at least once', 'at most once'],
      },
    ],
    correction:
      'retries give at-least-once delivery: a retry after a lost acknowledgement repeats work that already happened, so exactly-once effects need idempotency keys or deduplication',
  },
  {
    id: 'time-sharding-spreads-load',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          [
            'shard by timestamp',
            'shard by time',
            'sharded by timestamp',
            'sharded by time',
            'partition by timestamp',
            'partitioned by timestamp',
            'shard by date',
            'partition by date',
            'range of timestamps',
          ],
          [
            'evenly',
            'even load',
            'spread the load',
            'spreads the load',
            'spread writes',
            'spreads writes',
            'balanced',
            'no hot spot',
            'no hotspot',
            'no hot shard',
          ],
        ],
        unless: ['hash', 'bucket', 'hot'],
      },
    ],
    correction:
      'a time-ranged shard key sends every current write to the newest shard (a hot spot); spread writes with a hashed key and keep time as the sort key inside it',
  },
  {
    id: 'replication-is-backup',
    dimension: DATA,
    claims: [{ allOf: [['replica', 'replicas', 'replication', 'replicated']], denies: ['backup', 'backups', 'snapshot', 'snapshots'] }],
    correction:
      'replicas copy deletes, corruption and bad migrations within milliseconds; backups (point-in-time snapshots kept apart) are what you restore from',
  },
  {
    id: 'cron-is-distributed',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['cron', 'crontab', 'cron job', 'cron jobs'],
          [
            'on every server',
            'on each node',
            'on all instances',
            'on every instance',
            'on each instance',
            'on each server',
            'on every node',
            'on all servers',
            'on all nodes',
            'on every host',
            'on each host',
            'on all hosts',
            'on every machine',
            'on each machine',
            'on several servers',
            'on multiple servers',
            'on all the servers',
          ],
          ['exactly once', 'runs once', 'no duplicates', 'only once', 'just once', 'run once', 'single run', 'never twice'],
        ],
        unless: ['once per', 'per server', 'per node', 'per host', 'per instance', 'lock', 'lease', 'leader'],
      },
    ],
    correction: 'cron on every server runs the job once per server; a distributed scheduler needs a lease or leader election and idempotent jobs',
  },
  {
    id: 'leader-election-no-split-brain',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['leader election', 'leader'],
          [
            'can never have two leaders',
            'never two leaders',
            'split brain is impossible',
            'no split brain',
            'can never be two leaders',
            'never be two leaders',
            'makes two leaders impossible',
            'two leaders impossible',
            'two leaders is impossible',
            'two leaders are impossible',
            'impossible to have two leaders',
            'can t have two leaders',
            'cannot have two leaders',
            'never have two leaders',
            'two leaders can never',
            'split brain can t happen',
            'split brain cannot happen',
            'split brain never happens',
          ],
        ],
        unless: ['fencing', 'lease', 'epoch', 'term', 'zxid', 'stale', 'old leader', 'paused', 'gc'],
      },
      {
        allOf: [['leader'], ['exactly one', 'only ever one', 'always exactly one', 'guaranteed to be one', 'guarantees a single']],
        unless: ['fencing', 'lease', 'epoch', 'term', 'token'],
      },
    ],
    correction:
      'a paused or partitioned old leader can still act after a new one is elected; leases alone are not enough without fencing tokens or epochs checked by the storage',
  },
  // Coding.
  {
    id: 'list-remove-constant',
    dimension: 'complexity',
    claims: [
      {
        allOf: [
          ['remove', 'list remove', 'indexof', 'splice', 'pop 0', 'pop(0)', 'shift'],
          ['o 1', 'constant time'],
        ],
        unless: ['linked list', 'deque', 'popleft', 'o n'],
      },
    ],
    correction:
      'removing from the middle or front of an array-backed list (list.remove, splice, shift, pop(0)) shifts every later element, so it is O(n)',
  },
  {
    id: 'sorting-is-linear',
    dimension: 'complexity',
    claims: [
      {
        allOf: [
          ['sort', 'sorting', 'sorted'],
          ['in o n time', 'is o n', 'linear time'],
        ],
        unless: ['counting sort', 'radix', 'bucket', 'already sorted', 'log'],
      },
    ],
    correction: 'comparison sorting costs O(n log n); only counting, radix or bucket sorts on bounded keys are linear',
  },
  {
    id: 'heap-gives-sorted-order',
    dimension: 'complexity',
    claims: [
      {
        allOf: [
          ['heap', 'priority queue'],
          ['o 1 to insert', 'insert in o 1', 'constant time insert', 'sorted array'],
        ],
        unless: ['amortized', 'amortised', 'fibonacci'],
      },
    ],
    correction: 'a binary heap inserts and pops in O(log n) and keeps only the minimum (or maximum) in order, not the whole array',
  },
  // More from the same families: delivery and durability.
  {
    id: 'ack-before-persist',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['acknowledge', 'acknowledges', 'ack', 'acks'],
          [
            'as soon as it arrives',
            'before it is written',
            'before writing it',
            'before it is persisted',
            'effectively persisted',
            'written to the database later',
          ],
        ],
      },
    ],
    correction:
      'acknowledge a write only once it is durably stored (a quorum or a replicated log with acks); an acknowledgement before that can lose data the sender believes is safe',
  },
  {
    id: 'push-services-guarantee-delivery',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['apns', 'fcm', 'push notification service', 'push notifications'],
          ['store every notification', 'store everything until', 'guarantee delivery', 'guarantees delivery', 'guaranteed delivery'],
        ],
      },
    ],
    correction: 'APNs and FCM are best-effort: they coalesce, expire and drop notifications, so devices must sync missed data from your servers',
  },
  {
    id: 'two-phase-commit-with-external-processor',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['two phase commit', '2pc', 'xa transaction', 'xa transactions', 'distributed transaction'],
          [
            'the processor',
            'payment processor',
            'payment provider',
            'card network',
            'external provider',
            'card processor',
            'the bank',
            'the psp',
            'stripe',
            'adyen',
            'the acquirer',
            'third party api',
            'external api',
            'external service',
          ],
        ],
        unless: [
          'saga',
          'instead',
          'cannot',
          'can t',
          'doesn t support',
          'does not support',
          'isn t possible',
          'impossible',
          'no xa',
          'doesn t participate',
          'don t participate',
          'not a participant',
          'out of the question',
        ],
      },
      {
        allOf: [
          [
            'ask the processor to prepare',
            'ask the card processor to prepare',
            'asks the processor to prepare',
            'the processor to prepare',
            'the card processor to prepare',
            'the processor s prepare',
            'the processor votes',
            'processor as a participant',
            'processor as participants',
            'processor is the other participant',
            'processor are the two participants',
            'processor as the other participant',
          ],
          ['prepare', 'phase', 'coordinator', 'commit', 'participant', 'participants', 'vote', 'voted', 'votes'],
        ],
        unless: ['saga', 'instead', 'cannot', 'can t', 'doesn t support', 'does not support'],
      },
    ],
    correction:
      'an external processor does not take part in your two-phase commit; the standard answer is idempotency keys, a state machine with an unknown state, and reconciliation',
  },
  {
    id: 'reconciliation-unneeded',
    dimension: DATA,
    claims: [
      {
        allOf: [
          [
            'don t need reconciliation',
            'no need for reconciliation',
            'no need to reconcile',
            'don t need to reconcile',
            'do not need to reconcile',
            'never need to reconcile',
            'reconciliation is unnecessary',
            'can t disagree',
            'cannot disagree',
            'don t need a separate reconciliation',
            'don t need any reconciliation',
            'don t need a reconciliation',
            'no separate reconciliation',
            'no reconciliation is needed',
            'no reconciliation needed',
            'reconciliation isn t needed',
            'reconciliation is not needed',
            'reconciliation becomes unnecessary',
            'reconciliation is redundant',
            'no need for a reconciliation',
            'no need for any reconciliation',
            'without any reconciliation',
            'skip reconciliation',
            'never need reconciliation',
            'nothing to reconcile',
            'don t need to reconcile against',
          ],
        ],
        negated: true,
      },
      {
        allOf: [
          [
            'can t diverge',
            'cannot diverge',
            'can never diverge',
            'never diverge',
            'never disagree',
            'can never disagree',
            'can t get out of sync',
            'can never get out of sync',
            'never get out of sync',
            'never drift',
            'can t drift',
          ],
          ['processor', 'the bank', 'two sides', 'both sides', 'records', 'ledger', 'books', 'settlement', 'our database and', 'our db and'],
        ],
        unless: ['reconcile', 'reconciles', 'reconciled', 'reconciliation', 'drift', 'drifts', 'unless', 'replicas', 'raft', 'consensus'],
        negated: true,
      },
      {
        allOf: [
          ['reconciliation', 'reconciling', 'reconcile'],
          [
            'isn t needed',
            'is not needed',
            'is unnecessary',
            'isn t necessary',
            'is not necessary',
            'becomes unnecessary',
            'is redundant',
            'isn t required',
            'is not required',
          ],
        ],
        negated: true,
        unless: ['automatic', 'automatically', 'nightly', 'daily', 'job', 'manual'],
      },
    ],
    correction:
      "two systems of record always drift (timeouts, partial failures, bugs), so money systems reconcile against the other side's records on a schedule",
  },
  {
    id: 'new-idempotency-key-per-retry',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['idempotency key', 'idempotency keys'],
          [
            'fresh random key',
            'new random key',
            'fresh key',
            'new key on every retry',
            'new key for each retry',
            'new key per attempt',
            'generate a new key',
            'new key per retry',
            'new key for every retry',
            'new key on each retry',
            'fresh key per retry',
            'fresh key on every retry',
            'fresh key for each attempt',
            'different key for each retry',
            'different key on every retry',
            'different key per attempt',
            'unique key per attempt',
          ],
        ],
      },
      // A retried charge sent as a new request (no key, or a new one): the processor sees a second charge.
      {
        allOf: [
          ['retry', 'retries', 'retrying', 'resend', 'send it again'],
          [
            'with a new request',
            'as a new request',
            'a new charge request',
            'with a new charge',
            'with a fresh request',
            'with a new idempotency key',
            'with a fresh idempotency key',
          ],
        ],
        unless: ['same key', 'same idempotency', 'original key', 'not', 'never'],
      },
    ],
    correction:
      "a retry must reuse the first attempt's idempotency key; a new request or a fresh key per retry is a new charge to the processor, so a card the first attempt charged is charged twice",
  },
  {
    id: 'double-entry-is-replication',
    dimension: DATA,
    claims: [
      { allOf: [['double entry'], ['written twice', 'backup copy', 'second database', 'two databases', 'another region']] },
      {
        allOf: [
          ['double entry'],
          [
            'record twice',
            'records twice',
            'row twice',
            'written to two',
            'writing it twice',
            'write it twice',
            'stored twice',
            'store it twice',
            'two copies',
            'second copy',
            'two stores',
            'secondary store',
            'second store',
            'two places',
            'mirror copy',
            'two independent databases',
            'two independent copies',
            'two databases',
            'second database',
            'audit copy',
            'backup ledger',
            'once to the primary',
            'primary and a replica',
            'primary and a backup',
            'primary and the synchronous replica',
            'duplicate copy',
            'redundant copy',
            'stored in two',
            'written to two',
          ],
        ],
        unless: ['debit', 'debits', 'credit', 'credits', 'sum to zero', 'sums to zero', 'balanced'],
      },
      // The ledger's own invariant taken for reconciliation, which compares it with the processor's and the bank's records.
      {
        allOf: [
          ['double entry'],
          [
            'is the reconciliation',
            'is our reconciliation',
            'replaces reconciliation',
            'replace reconciliation',
            'instead of reconciliation',
            'in place of reconciliation',
            'acts as reconciliation',
            'serves as reconciliation',
            'does the reconciliation',
            'makes reconciliation unnecessary',
          ],
        ],
        unless: ['also reconcile', 'still reconcile', 'plus reconciliation', 'alongside reconciliation', 'as well as reconciliation'],
      },
    ],
    correction:
      'double-entry bookkeeping records every movement as a debit and a matching credit that sum to zero; it is an accounting invariant, not a second copy of the data',
  },
  // Jobs and coordination.
  {
    id: 'exactly-once-without-idempotency',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['exactly once', 'exactly one time'],
          ['worry about idempotency', 'no need for idempotency', 'idempotency is not needed', 'without idempotency', 'full stop'],
        ],
        negated: true,
      },
      {
        allOf: [
          [
            'don t need to make their jobs idempotent',
            'don t need to make jobs idempotent',
            'don t have to make their jobs idempotent',
            'don t have to make jobs idempotent',
            'jobs don t need to be idempotent',
            'jobs don t have to be idempotent',
            'no need to make jobs idempotent',
            'no need for idempotent jobs',
          ],
        ],
        negated: true,
      },
      { allOf: [['exactly once', 'exactly one time']], denies: ['idempotent', 'idempotency'], unless: ['at least once', 'effectively once'] },
    ],
    correction: 'at-least-once delivery plus locking still re-runs a job whose worker dies mid-run; exactly-once effects need idempotent jobs',
  },
  {
    id: 'skip-locked-marks-skipped',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['skip locked', 'skipped'],
          [
            'marking a job as skipped',
            'marks the job as skipped',
            'marks it as skipped',
            'never looks at it again',
            'skipped forever',
            'permanently marked',
            'can ever pick it up again',
            'skips it permanently',
            'skip it permanently',
            'skipped permanently',
            'permanently skipped',
            'permanently skips',
            'skips it forever',
            'skip it forever',
            'never see it again',
            'never sees it again',
            'never picked up again',
            'never pick it up again',
            'never be picked up again',
            'permanently marked as taken',
            'marked as taken',
            'hides the row from the other',
            'hides it from the other',
            'until the job has finished',
            'until the job finishes',
            'until the job is done',
            'removed from the queue',
            'removes it from the queue',
            'for good',
          ],
        ],
        unless: ['until the transaction', 'until commit', 'until it commits', 'while the transaction', 'transaction ends', 'commit', 'commits'],
      },
      {
        allOf: [
          ['skip locked'],
          [
            'silently drops',
            'drops rows',
            'drops the rows',
            'drops locked rows',
            'get lost',
            'gets lost',
            'are lost',
            'be lost',
            'loses jobs',
            'lose jobs',
            'loses rows',
          ],
        ],
        unless: ['no job', 'no jobs', 'no row', 'no rows', 'nothing', 'never'],
      },
    ],
    correction:
      'SKIP LOCKED only makes a query pass over rows another transaction holds locked right now; once that transaction ends the rows are visible again',
  },
  {
    id: 'skip-locked-shares-rows',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['skip locked'],
          [
            'read the same locked rows',
            'same locked rows',
            'read the same rows',
            'reads the same rows',
            'see the same rows',
            'sees the same rows',
            'get the same rows',
            'read locked rows',
            'reads locked rows',
            'read the locked rows',
            'skipping the locking',
            'skips the locking',
            'skip the locking',
            'skipping the lock',
            'skips the lock',
            'ignores the lock',
            'ignores locks',
            'ignore the locks',
          ],
        ],
        unless: ['no two', 'different rows', 'different row', 'other rows', 'unlocked rows', 'another transaction', 'only one'],
      },
    ],
    correction:
      'SELECT … FOR UPDATE SKIP LOCKED locks the rows it returns and passes over rows another transaction holds, so concurrent instances each claim different rows',
  },
  {
    id: 'every-instance-runs-every-job',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          [
            'all instances see',
            'every instance sees',
            'each instance sees',
            'all schedulers see',
            'every scheduler sees',
            'each scheduler sees',
            'all workers see',
            'every worker sees',
            'every instance runs',
            'all instances run',
            'every scheduler runs',
            'all schedulers run',
            'every node runs',
            'all nodes run',
            'every instance picks up',
            'all instances pick up',
            'every instance fires',
            'all instances fire',
            'each instance runs',
            'every scheduler instance sees',
            'every scheduler instance runs',
            'all scheduler instances see',
            'all scheduler instances run',
          ],
          ['redundancy', 'redundant', 'protects us', 'for safety', 'as a backup', 'fault tolerance', 'fault tolerant'],
        ],
        unless: [
          'duplicate',
          'duplicates',
          'twice',
          'more than once',
          'once per instance',
          'lock',
          'lease',
          'claim',
          'claims',
          'only one',
          'exactly one',
          'dedup',
          'idempotent',
          'unique',
          'leader',
        ],
      },
      {
        allOf: [
          [
            'each evaluating every due job',
            'each evaluates every due job',
            'every scheduler node evaluates all jobs',
            'every scheduler node evaluates',
            'each scheduler evaluates every',
            'every scheduler evaluates every',
            'every node evaluates all',
            'each node evaluates all',
            'each scheduler instance evaluates',
            'every instance evaluates',
            'each instance evaluates',
            'all active each evaluating',
          ],
          ['fires', 'fire', 'publishing', 'publishes', 'publish', 'triggers', 'dispatches', 'runs'],
        ],
        unless: [
          'lock',
          'locks',
          'locked',
          'claim',
          'claims',
          'claimed',
          'skip locked',
          'lease',
          'leader',
          'partition',
          'partitions',
          'shard',
          'shards',
          'subset',
          'only one',
          'for update',
          'conditional',
          'dedup',
          'unique',
        ],
      },
    ],
    correction:
      'an instance that sees and runs each due job runs it once per instance; redundancy means any instance can claim a job and exactly one does (a row lock, SKIP LOCKED or a lease)',
  },
  {
    id: 'lease-without-fencing',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['lease', 'leases', 'lock'],
          [
            'even if the first one pauses',
            'even if it pauses',
            'even if the worker pauses',
            'even if the holder pauses',
            'even if a worker pauses',
            'even if it is paused',
            'even if it stalls',
            'even during a gc pause',
            'even with a long gc',
            'even if it gets partitioned',
            'even if it is partitioned',
            'even if the worker is partitioned',
            'even if the first one is partitioned',
            'even during a partition',
            'even if the leader stalls',
            'even if the leader pauses',
            'even if the holder stalls',
            'even if the process pauses',
            'even if it freezes',
            'even when it pauses',
            'even during a long pause',
            'even after a gc pause',
            'even with a gc pause',
            'even in a gc pause',
            'even if the node is partitioned',
            'even if the network partitions',
            'even if the holder is slow',
            'even if it is slow',
            'even if the worker is slow',
            'regardless of gc pauses',
            'regardless of pauses',
            'regardless of gc',
            'even with gc pauses',
            'even through gc pauses',
            'despite gc pauses',
            'despite a gc pause',
            'regardless of network partitions',
            'despite partitions',
          ],
        ],
        unless: FENCING,
      },
      {
        allOf: [
          ['lease', 'leases', 'lock'],
          ['no other worker can ever', 'no other worker can', 'no other node can ever', 'can never run twice', 'can never be run twice'],
          ['gc', 'garbage collection', 'pause', 'pauses', 'paused', 'partition', 'partitioned'],
        ],
        unless: FENCING,
      },
    ],
    correction:
      "a lease runs out on the store's clock, not the holder's: a worker paused by GC or cut off by a partition can carry on after another worker took the job over, so the store must reject the old holder's writes by a fencing token",
  },
  {
    id: 'dead-worker-job-finished',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['worker', 'workers'],
          [
            'considered finished',
            'counts as executed',
            'considered done',
            'treated as complete',
            'treated as finished',
            'the job has finished',
            'mark the execution as succeeded',
            'marked as succeeded',
            'the job is done',
            'must have finished',
            'means the job finished',
            'means the job is done',
            'mark it done',
            'mark it as done',
            'mark it complete',
            'mark it completed',
            'mark the job done',
            'mark the job as done',
            'marked done',
            'marked as done',
            'marked complete',
            'marked completed',
          ],
          [
            'dies',
            'died',
            'dead',
            'crash',
            'crashes',
            'crashed',
            'stops heartbeating',
            'stop heartbeating',
            'stopped heartbeating',
            'missed heartbeat',
            'misses a heartbeat',
            'doesn t answer',
            'does not answer',
            'doesn t respond',
            'unresponsive',
            'disappears',
            'removed from the pool',
            'goes silent',
            'killed',
          ],
        ],
        unless: ['retried', 'retry', 'requeued', 'requeue', 'reassigned'],
      },
    ],
    correction: 'a job on a worker that died is unfinished; its lease expires and the job is retried (idempotently), never counted as done',
  },
  {
    id: 'index-goes-stale',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['index', 'indexes'],
          ['would go stale', 'goes stale', 'go stale', 'gets stale', 'get out of date'],
        ],
      },
    ],
    correction: 'a database index is updated in the same transaction as the row it covers, so it never goes stale',
  },
  // Search and autocomplete.
  {
    id: 'precomputed-means-scored-offline',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['precomputed', 'precompute'],
          ['traverse the subtree', 'traverse the whole subtree', 'scores only at the leaf', 'only at the leaf nodes'],
        ],
      },
      {
        allOf: [
          ['top 10', 'top ten', 'top k', 'top 5', 'top five', 'top completions', 'top suggestions', 'best completions', 'top lists'],
          [
            'at the leaves only',
            'only at the leaves',
            'only in the leaves',
            'in the leaves only',
            'only at leaf nodes',
            'only at the leaf',
            'only on the leaves',
            'kept at the leaves',
            'stored at the leaves',
            'stored in the leaves',
            'kept in the leaves',
            'at the leaf nodes only',
            'in the leaf nodes only',
          ],
        ],
        unless: [
          'every node',
          'each node',
          'every prefix',
          'each prefix',
          'internal nodes',
          'inner nodes',
          'propagated',
          'copied up',
          'pushed up',
          'merged up',
        ],
      },
    ],
    correction:
      'precomputing top-k means storing the best completions at every prefix node, so a request reads one node instead of walking its subtree',
  },
  {
    id: 'server-side-debounce',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['debounce', 'debouncing'],
          ['handled on the server', 'on the server side', 'server waits', 'the server side'],
        ],
      },
      {
        allOf: [
          ['debounce', 'debouncing'],
          ['on the server', 'in the backend', 'on the backend'],
        ],
        unless: ['client', 'browser', 'app side'],
      },
    ],
    correction: 'debouncing belongs in the client, where it cuts the requests sent; a server that waits only adds latency to each keystroke',
  },
  {
    id: 'first-letter-sharding-even',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['first letter', 'by letter', 'alphabetical range', 'alphabetically'],
          ['even load', 'evenly', 'same number of queries', 'balanced load'],
        ],
      },
    ],
    correction: 'first letters are heavily skewed (far more words start with s than x), so shard by a hash of the prefix or by measured load ranges',
  },
  // Feeds and pagination.
  {
    id: 'cursor-is-page-number',
    dimension: DATA,
    claims: [
      { allOf: [['cursor'], ['page number', 'offset page', 'turns it into offset']], unless: ['instead', 'rather than', 'unlike', 'versus', 'vs'] },
    ],
    correction:
      'a cursor encodes the last item seen (keyset pagination); a page number turned into OFFSET rescans skipped rows and shifts when new items arrive',
  },
  // Recommendations.
  {
    id: 'feature-store-caches-predictions',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['feature store'],
          [
            'final predictions',
            'cache predictions',
            'caches predictions',
            'stores predictions',
            'model s predictions',
            'the model registry',
            'model binaries',
          ],
        ],
      },
      {
        allOf: [
          ['feature store'],
          [
            'cache of model outputs',
            'model outputs',
            'cache of predictions',
            'cache of the predictions',
            'predicted top items',
            'final recommendation list',
            'final recommendation lists',
            'final recommendations',
            'final ranked list',
            'each user s recommendations',
            'precomputed recommendations',
            'model scores',
          ],
        ],
        unless: ['separately', 'separate', 'feature values', 'model inputs', 'input', 'inputs'],
      },
    ],
    correction:
      'a feature store serves model inputs (features) with the same definitions offline and online; cached predictions are a separate, optional layer',
  },
  {
    id: 'skew-is-stale-model',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['training serving skew', 'train serve skew', 'training serving mismatch', 'online offline skew', 'offline online skew'],
          [
            'model gets stale',
            'model goes stale',
            'model is stale',
            'model becomes stale',
            'stale model',
            'model gets old',
            'model is out of date',
            'model gets out of date',
            'outdated model',
            'hasn t been retrained',
          ],
        ],
        unless: ['different problem', 'computed differently', 'different code', 'different pipelines', 'different logic'],
      },
      // Sharing the model file does nothing for skew, which comes from features computed differently.
      {
        allOf: [
          ['training serving skew', 'train serve skew', 'training serving mismatch', 'online offline skew', 'offline online skew', 'skew'],
          [
            'same model file',
            'same model binary',
            'same model artifact',
            'same model artefact',
            'same model weights',
            'same model version',
            'same serialized model',
            'same serialised model',
            'same model checkpoint',
          ],
        ],
        negated: true,
        unless: [
          'same feature',
          'same features',
          'feature definitions',
          'feature definition',
          'feature code',
          'feature pipeline',
          'feature logic',
          'same transformations',
          'log the features',
          'logged features',
          'not enough',
          'isn t enough',
          'is not enough',
          'doesn t prevent',
          'does not prevent',
          'doesn t fix',
          'does not fix',
          'doesn t help',
          'does not help',
          'doesn t avoid',
          'does not avoid',
          'not sufficient',
        ],
      },
    ],
    correction:
      'training-serving skew is features computed differently offline and online (other code, windows or freshness), so one model sees different inputs; shared feature definitions and logging the served features fix it, while a stale model is a retraining problem',
  },
  {
    id: 'rank-whole-catalogue',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['ranking model', 'ranker', 'full model', 'heavy model', 'scoring model', 'the model', 'neural network'],
          [
            'over all items',
            'over every item',
            'over all products',
            'over all the products',
            'over all 50m',
            'over the whole catalogue',
            'over the whole catalog',
            'over the entire catalogue',
            'over the entire catalog',
            'every item on every request',
            'every product on every request',
            'all items on every request',
            'all products on every request',
            'every product is scored',
            'every item is scored',
            'score every product',
            'scores every product',
            'score every item',
            'scores every item',
          ],
        ],
        unless: [
          'offline',
          'nightly',
          'batch job',
          'would',
          'too slow',
          'too expensive',
          'impossible',
          'can t',
          'cannot',
          'unaffordable',
          'infeasible',
          'not feasible',
          'seconds',
          'few hundred',
          'shortlist',
          'funnel',
        ],
      },
      {
        allOf: [
          [
            'no candidate is ever filtered',
            'no item is ever filtered',
            'no product is ever filtered',
            'nothing is filtered out early',
            'skip multi stage',
            'skip the multi stage',
            'no need for multi stage',
            'don t need multi stage',
            'skip the candidate stage',
            'skip candidate generation',
            'no need for candidate generation',
            'don t need candidate generation',
            'no need for a separate candidate stage',
            'skip a separate ranking stage',
            'skip the ranking stage',
            'no need for a separate ranking stage',
            'don t need a separate ranking stage',
            'already the final ranking',
            'already the final ranked list',
          ],
        ],
        negated: true,
        unless: [
          'impossible',
          'would',
          'too slow',
          'too expensive',
          'can t',
          'cannot',
          'unaffordable',
          'infeasible',
          'small catalogue',
          'small catalog',
        ],
      },
      // ANN is the cheap first stage that finds the candidates; after the ranker there is nothing left to search.
      {
        allOf: [
          [
            'ann',
            'approximate nearest neighbour',
            'approximate nearest neighbor',
            'nearest neighbour search',
            'nearest neighbor search',
            'vector search',
          ],
          [
            'after ranking',
            'after the ranking',
            'after the ranker',
            'after we rank',
            'once ranking is done',
            'on the ranked list',
            'over the ranked',
          ],
        ],
        unless: [
          'first',
          'before',
          'retrieval',
          'retrieve',
          'candidate generation',
          'rerank',
          're rank',
          'business rules',
          'diversity',
          'filter',
          'filters',
        ],
      },
    ],
    correction:
      'no ranking model can score a whole catalogue within a request budget; serving is a funnel where cheap retrieval (ANN, co-visitation, popularity) picks a few hundred candidates and only those are ranked',
  },
  {
    id: 'ann-is-exact',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['ann', 'approximate nearest neighbor', 'approximate nearest neighbour'],
          ['exact nearest', 'exact search', 'is exact'],
        ],
      },
      {
        allOf: [
          ['ann', 'hnsw', 'approximate nearest neighbor', 'approximate nearest neighbour'],
          ['exact top k', 'exact top 10', 'exact neighbours', 'exact neighbors', 'exact results'],
        ],
        unless: ['brute force', 'exhaustive', 'flat index', 'recall'],
      },
      { allOf: [['ann'], ['artificial neural network']] },
    ],
    correction: 'ANN (approximate nearest neighbour) trades a little recall for speed and is what makes retrieval fast enough to serve online',
  },
  {
    id: 'cold-start-is-cache-warmup',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['cold start'],
          [
            'after a new model is deployed',
            'caches are empty',
            'slow first request',
            'warming the caches',
            'warm the caches',
            'warm up problem',
            'jvm',
            'new pods serve slowly',
          ],
        ],
      },
    ],
    correction: 'in recommendations, cold start means users or items with no interaction history; content features and popularity cover them',
  },
  {
    id: 'ab-test-offline',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['a b testing', 'a b test', 'ab test', 'ab testing'],
          ['happens offline', 'compares auc', 'on a held out set', 'held out set'],
        ],
      },
      { allOf: [['don t need online experiments', 'no need for online experiments', 'auc is the gold standard']], negated: true },
    ],
    correction: 'an A/B test splits live traffic between variants and compares business metrics; offline metrics such as AUC are only a pre-check',
  },
  {
    id: 'before-after-is-ab-test',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['a b test', 'a b testing', 'ab test', 'ab testing', 'experiment'],
          ['a b test over time', 'ab test over time', 'experiment over time', ...EARLIER_PERIOD, 'before and after', 'before versus after'],
        ],
        unless: [
          'confound',
          'confounded',
          'seasonal',
          'seasonality',
          'random',
          'randomly',
          'same time',
          'concurrent',
          'simultaneous',
          'control group',
          'holdout',
          'split',
        ],
      },
      {
        allOf: [['100 of traffic', '100 of users', 'all traffic', 'all of the traffic', 'all users', 'everyone'], EARLIER_PERIOD],
        unless: ['confound', 'confounded', 'seasonal', 'seasonality', 'control group', 'holdout', 'canary', 'rollback', 'roll back'],
      },
    ],
    correction:
      'switching everyone over and comparing with an earlier period mixes the change with everything else that changed (season, traffic, promotions); an A/B test splits live traffic at random between variants over the same period',
  },
  {
    id: 'trie-lookup-log-n',
    dimension: DATA,
    claims: [{ allOf: [['trie'], ['o log n in the number', 'log n in the number of', 'lookups are o log n']] }],
    correction: 'a trie lookup costs the length of the prefix, independent of how many strings are stored',
  },
  {
    id: 'cdn-static-only',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['cdn', 'cdns'],
          ['only cache static', 'only static files', 'not api responses', 'can t cache api responses', 'cannot cache api responses'],
        ],
      },
    ],
    correction:
      'a CDN caches any response whose headers allow it, API responses included; short TTLs on hot, shared responses take load off the origin',
  },
  {
    id: 'sketch-is-exact',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['count min sketch', 'bloom filter', 'hyperloglog'],
          [
            'exact counts',
            'exact count',
            'no false positives',
            'exact answer',
            'exact per query counts',
            'exact per key counts',
            'counts exactly',
            'exact frequencies',
          ],
        ],
      },
      {
        allOf: [
          ['bloom filter', 'bloom filters'],
          ['false negative', 'false negatives'],
        ],
        unless: ['no false negative', 'no false negatives', 'never', 'only false positives'],
      },
      {
        allOf: [['count min sketch'], ['underestimates', 'undercounts', 'under counts', 'can undercount', 'too low']],
        unless: ['never', 'only over', 'overestimate'],
      },
    ],
    correction:
      'count-min sketches, Bloom filters and HyperLogLog are probabilistic: they save memory by giving approximate answers with bounded error',
  },
  {
    id: 'bloom-filter-returns-items',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['bloom filter', 'bloom filters'],
          ['return the', 'returns the', 'keep the top', 'store the top', 'top suggestions', 'highest counts', 'list its members', 'list the members'],
        ],
        unless: ['membership', 'whether', 'might contain', 'may contain', 'definitely not'],
      },
    ],
    correction:
      'a Bloom filter only answers "possibly in the set" or "definitely not": it stores no items or counts, so it cannot return suggestions or a top-k list',
  },
  {
    id: 'kafka-deletes-consumed',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['kafka'],
          [
            'deleted once consumed',
            'deletes messages once',
            'removed once consumed',
            'gone once consumed',
            'deleted after they are consumed',
            'deleted after consumption',
            'removes a message once it is read',
          ],
        ],
      },
    ],
    correction:
      'Kafka keeps messages for its retention period whether or not they were consumed; each consumer group tracks its own offset, which is what makes replay possible',
  },
  {
    id: 'lru-is-frequency',
    dimension: DATA,
    claims: [
      {
        allOf: [['lru'], ['least frequently used', 'most frequently used', 'evicts the least popular', 'by access count']],
        unless: ['lfu', 'unlike', 'rather than', 'instead of', 'versus', 'vs'],
      },
    ],
    correction: 'LRU evicts the entry used least recently, whatever its count; evicting by access count is LFU',
  },
  {
    id: 'kafka-total-order',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['kafka'],
          ['total order across the whole topic', 'order across all partitions', 'order across partitions', 'total order across the topic'],
        ],
      },
      {
        allOf: [
          ['kafka'],
          [
            'across the whole topic',
            'across the entire topic',
            'topic wide order',
            'topic wide ordering',
            'globally ordered',
            'global order',
            'global ordering',
            'ordered across partitions',
            'in order across partitions',
            'across all its partitions',
          ],
        ],
        unless: ['one partition', 'single partition', 'within a partition', 'per partition', 'only within'],
      },
    ],
    correction:
      'Kafka orders messages only within a partition; a topic with many partitions has no total order, so order-sensitive keys must map to one partition',
  },
  {
    id: 'tcp-delivers-to-the-app',
    dimension: SCALE,
    claims: [
      {
        allOf: [['tcp'], ['guaranteed delivery', 'guarantees delivery', 'keeps retransmitting', 'until the phone reconnects', 'already guaranteed']],
      },
    ],
    correction:
      "TCP only delivers within a live connection, up to the peer's kernel buffer; when the connection drops, in-flight data is lost, so the application needs its own acks and resync",
  },
  // Storage and delivery roles confused.
  {
    id: 'cdn-is-the-store',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['cdn', 'cdns'],
          [
            'source of truth',
            'is the storage',
            'as the storage',
            'storage layer',
            'keeps the originals',
            'stores the originals',
            'don t need s3',
            'no need for s3',
            'don t need object storage',
            'no object storage',
            'instead of object storage',
            'never evict',
            'eviction isn t a concern',
            'eviction is not a concern',
          ],
        ],
        unless: [
          'origin server',
          'origin servers',
          'origin store',
          'origin storage',
          'origin bucket',
          'origin fetch',
          'origin on a miss',
          'from origin',
          'an origin',
          'its origin',
          'our origin',
          'backed by',
          'in front of',
          'fetches from',
          'pulls from',
        ],
      },
    ],
    correction:
      'a CDN is a cache in front of an origin: it evicts what is not requested, so the originals live in durable object storage and the CDN fetches from it on a miss',
  },
  {
    id: 'jitter-is-immediate-retry',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['jitter'],
          [
            'retrying immediately',
            'retry immediately',
            'retries immediately',
            'with no delay',
            'without any delay',
            'without delay',
            'no backoff',
            'retry right away',
            'retries right away',
            'retrying right away',
            'at the same moment',
            'all at once',
            'the same fixed delay',
            'a fixed delay',
            'fixed interval',
          ],
        ],
        unless: ['random', 'randomly', 'randomised', 'randomized', 'prevent', 'prevents', 'avoids'],
      },
    ],
    correction:
      'jitter adds a random delay so that retries or scheduled runs spread out over time instead of arriving together; retrying at once is what it prevents',
  },
  {
    id: 'priority-is-fairness',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['priority queue', 'priority queues', 'priorities'],
          [
            'provide fairness',
            'provides fairness',
            'gives fairness',
            'give fairness',
            'guarantee fairness',
            'guarantees fairness',
            'are fair',
            'is fair',
            'makes it fair',
          ],
        ],
        unless: ['per tenant', 'quota', 'round robin', 'weighted'],
      },
      {
        allOf: [
          ['same queue', 'single queue', 'one queue'],
          ['arrival order', 'first come first served', 'fifo'],
          ['fair', 'fairness', 'noisy neighbour', 'noisy neighbor'],
        ],
      },
    ],
    correction:
      'priorities order work but do not share capacity fairly: one tenant can still flood a priority level; fairness comes from per-tenant quotas, separate queues or weighted round robin',
  },
  {
    id: 'rate-limiter-delivers',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['token bucket', 'leaky bucket', 'sliding window', 'fixed window', 'rate limiter'],
          ['exactly once', 'delivery semantics', 'delivered exactly', 'guarantees delivery', 'guarantees each request is delivered', 'never lost'],
        ],
        unless: ['at least once', 'notification', 'notifications', 'preferences'],
      },
    ],
    correction:
      'a rate-limiting algorithm decides whether a request may pass within its quota; it says nothing about delivery or duplicates, which are idempotency and retry concerns',
  },
  {
    id: 'sliding-log-constant-memory',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['sliding log', 'sliding window log', 'log of timestamps'],
          [
            'constant memory',
            'o(1) memory',
            'only keeps the count',
            'just keeps a count',
            'just a counter',
            'a single counter',
            'one counter',
            'fixed memory',
            'memory efficient option',
            'the memory efficient one',
            'is the most memory efficient',
            'is memory efficient',
            'current and previous window counts',
            'current and previous window',
            'previous window count',
            'only needs the current',
            'two counters',
            'two counts',
          ],
        ],
        unless: [
          'unlike',
          'whereas',
          'instead',
          'rather than',
          'stores every',
          'every timestamp',
          'timestamps',
          'timestamp',
          'per request',
          'sliding window counter',
          'window counter',
          'latter',
        ],
      },
    ],
    correction:
      'a sliding log stores one timestamp per request in the window, so its memory grows with the rate; the sliding-window counter is the constant-memory approximation',
  },
  {
    id: 'outbox-is-polling',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['outbox'],
          [
            'merchant polls',
            'merchants poll',
            'clients poll',
            'client polls',
            'polls an outbox',
            'poll the outbox endpoint',
            'instead of sending webhooks',
            'instead of us sending webhooks',
            'instead of webhooks',
            'no webhooks needed',
            'avoids the retry problem',
            'no retries needed',
          ],
        ],
      },
    ],
    correction:
      'the transactional outbox writes the event in the same database transaction as the state change, and a relay publishes it; webhooks are still delivered and retried from it',
  },
  {
    id: 'trie-ranks-at-request-time',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['trie', 'prefix tree'],
          [
            'traverse everything below',
            'walk everything below',
            'visit every node below',
            'collect all completions',
            'sort the completions',
            'sort them by count',
            'sort by their counts',
            'ranking is implicit',
          ],
        ],
        unless: ['instead of', 'rather than', 'too slow', 'avoid'],
      },
    ],
    correction:
      "walking a prefix's whole subtree and sorting on each keystroke is ranking at request time; a precomputed index stores each prefix's top-k at its node so a request reads one list",
  },
  {
    id: 'fanout-on-write-cheap-for-celebrities',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          ['fan out on write', 'fanout on write', 'push model', 'pushing'],
          [
            'cheapest for celebrities',
            'cheap for celebrities',
            'best for celebrities',
            'ideal for celebrities',
            'fine for celebrities',
            'for celebrities too',
            'even for celebrities',
            'amortised over their',
            'amortized over their',
          ],
        ],
        unless: ['not', 'except', 'hybrid'],
      },
      {
        allOf: [
          [
            'fan out on write for everyone',
            'fanout on write for everyone',
            'push to all followers for everyone',
            'fan out on write for all accounts',
          ],
        ],
        unless: ['not', 'except', 'hybrid'],
      },
    ],
    correction:
      'fan-out on write costs one feed write per follower, so a celebrity post with 100 million followers means 100 million writes; celebrities are the accounts merged at read time',
  },
  // Messaging and consumers.
  {
    id: 'consumer-group-broadcasts',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['consumer group', 'consumer groups'],
          [
            'every consumer gets every',
            'each consumer receives every',
            'each consumer gets every',
            'all consumers get each',
            'all consumers receive each',
            'broadcast to all consumers',
            'every consumer in the group receives',
          ],
        ],
      },
    ],
    correction:
      'within a consumer group each partition goes to one consumer, so a message is processed once per group; a broadcast needs a group per reader',
  },
  {
    id: 'idempotent-producer-dedups-content',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['idempotent producer', 'idempotent producers', 'producer idempotence', 'enable idempotence'],
          [
            'identical messages',
            'identical events',
            'duplicate messages from',
            'same message from',
            'same messages from',
            'same event from',
            'from several',
            'from multiple',
            'from different producers',
            'from two producers',
            'across producers',
            'across schedulers',
            'by content',
            'same content',
            'same payload',
            'same key',
            'any duplicate',
            'all duplicates',
            'every duplicate',
            'duplicates from',
          ],
        ],
        unless: [
          'only its own',
          'its own retries',
          'own retries',
          'only retries',
          'retries of',
          'single producer',
          'one producer',
          'same producer',
          'per producer',
          'producer id',
          'sequence number',
          'session',
        ],
      },
    ],
    correction:
      "Kafka's idempotent producer only drops its own retried batches (by producer id and sequence number); identical messages from other producers or after a restart are separate records, so consumers deduplicate by a business key",
  },
  {
    id: 'latest-messages-are-a-sync',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          [
            'equivalent to a full sync',
            'equivalent to full sync',
            'as good as a full sync',
            'same as a full sync',
            'amounts to a full sync',
            'counts as a full sync',
            'effectively a full sync',
          ],
        ],
        unless: [
          'after the last',
          'since the last',
          'last seen',
          'last seq',
          'last sequence',
          'cursor',
          'high water mark',
          'everything after',
          'everything since',
          'gap',
          'gaps',
        ],
      },
      {
        allOf: [
          [
            'latest 50',
            'last 50',
            'latest 20',
            'last 20',
            'latest 100',
            'last 100',
            'most recent 50',
            'most recent 100',
            'latest messages',
            'most recent messages',
            'last few messages',
            'latest page',
          ],
          [
            'full sync',
            'nothing is missed',
            'nothing gets missed',
            'all it missed',
            'everything it missed',
            'fully caught up',
            'no need to track',
            'without tracking',
            'cheaper than tracking',
          ],
        ],
        unless: [
          'after the last',
          'since the last',
          'last seen',
          'last seq',
          'last sequence',
          'cursor',
          'everything after',
          'everything since',
          'gap',
          'gaps',
          'would',
          'drops',
          'lose',
          'loses',
          'lost',
        ],
      },
    ],
    correction:
      'a device that was offline can have missed more than the latest page of a conversation, so sync sends everything after the last sequence number each device has; the latest N is only what the screen shows first',
  },
  {
    id: 'hash-is-reversible',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['hash', 'md5', 'sha 256', 'sha256', 'sha 1'],
          [
            'decode it back',
            'decode the hash back',
            'reverse the hash',
            'reversible',
            'decrypt the hash',
            'decode back to the long url',
            'decode it to the long url',
          ],
        ],
        unless: ['not reversible', 'irreversible', 'one way'],
      },
    ],
    correction: 'a hash is one-way: the service looks the short code up in its store to find the long URL, it cannot compute it back',
  },
  // Observability.
  {
    id: 'percentiles-averaged',
    dimension: DATA,
    claims: [
      {
        allOf: [
          ['p99', 'p95', 'p50', 'percentile', 'percentiles'],
          [
            'average them',
            'averaging them',
            'average the p99',
            'average the percentiles',
            'mean of the p99',
            'averaged across',
            'average across instances',
            'average across hosts',
            'average of the per host',
            'averaging the hourly',
            'average the hourly',
            'averaging hourly',
            'average of the hourly',
            'average of hourly',
            'average the daily',
            'averaging the daily',
            'average the per',
            'averaging the per',
            'average of per',
            'average of the per',
            'averaging p99',
            'average p99s',
            'average the p99s',
            'averaging the p99',
            'mean of the p99s',
            'mean of the per',
            'gives you the exact p99',
            'gives the exact p99',
            'to hourly averages',
            'sum the p99',
            'summing the p99',
            'add up the p99',
            'adding up the percentiles',
            'average the p95',
            'average the p50',
            'average the p999',
            'averaging the p95',
            'average the p99 of',
            'average the p95 of',
            'average of the p95',
            'mean of the p95',
          ],
        ],
        unless: ['can t', 'cannot', 'never', 'not', 'wrong', 'histogram', 'histograms', 'sketch', 'sketches', 'digest', 'buckets'],
      },
    ],
    correction:
      'percentiles cannot be averaged across hosts or windows; aggregate the histogram buckets (or a mergeable sketch) and compute the percentile from the merged distribution',
  },
  {
    id: 'tail-sampling-up-front',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['tail sampling', 'tail based sampling'],
          ['at the start', 'when the request starts', 'before the request', 'at the first span', 'up front', 'upfront', 'at the edge before'],
        ],
        unless: ['head based', 'head sampling', 'head'],
      },
    ],
    correction:
      'tail-based sampling decides after a trace is complete, so it can keep errors and slow traces; deciding at the start is head-based sampling',
  },
  {
    id: 'keep-all-telemetry-forever',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['100 of traces', '100% of traces', 'all traces', 'every trace', 'full resolution', 'all raw metrics', 'every log line'],
          ['for a year', 'forever', 'indefinitely', 'on fast ssd', 'on ssd', 'storage is cheap'],
        ],
        unless: [
          'error',
          'errors',
          'sample',
          'sampled',
          'sampling',
          'downsample',
          'downsampled',
          'downsampling',
          'tier',
          'rollup',
          'rollups',
          'roll up',
          'rolled up',
          'aggregate',
          'aggregated',
          'after that',
          'for the last',
          'expensive',
          'costly',
          'costs',
        ],
      },
    ],
    correction:
      'keeping every trace and full-resolution metric on hot storage grows cost with traffic; sampling (keeping errors and slow traces), downsampling and cheaper tiers for old data are how retention is paid for',
  },
  {
    id: 'scraping-short-lived-jobs',
    dimension: ARCH,
    claims: [
      {
        allOf: [
          [
            'scrape',
            'scraping',
            'pull model',
            'pull based',
            'pull is',
            'pull works',
            'pull handles',
            'pull suits',
            'scraping works',
            'scraping handles',
          ],
          ['short lived', 'batch jobs', 'lambdas', 'serverless functions', 'cron jobs'],
          ['works fine', 'no problem', 'perfect for', 'ideal for', 'best for', 'works well', 'better fit', 'good fit', 'well suited', 'so well'],
        ],
        unless: ['pushgateway', 'push gateway', 'push'],
      },
    ],
    correction:
      'a scraper only sees a process that is alive at scrape time, so short-lived jobs push their metrics (a push gateway or an OTLP collector) instead',
  },
  // Payments.
  {
    id: 'timeout-means-failed',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['timeout', 'timed out', 'times out', 'time out'],
          [
            'mark it failed',
            'marked failed',
            'mark the payment failed',
            'marked as failed',
            'mark it as failed',
            'means it failed',
            'treat it as failed',
            'treat it as declined',
            'treated as failed',
            'it must have failed',
            'means the charge failed',
            'means the payment failed',
            'means the call failed',
            'means it was declined',
            'means the charge was declined',
            'treat it as a failure',
            'treat the charge as failed',
            'treat the payment as failed',
            'count it as failed',
            'consider the charge declined',
            'consider it declined',
            'consider it failed',
            'consider the payment failed',
            'consider the charge failed',
            'assume it failed',
            'assume the charge failed',
            'assume the payment failed',
            'assume it was declined',
          ],
        ],
        unless: ['unknown', 'pending', 'status', 'reconcil', 'query', 'not'],
      },
    ],
    correction:
      'a timed-out call to the processor may have charged the card: the payment is in an unknown state until the processor is asked (status query, reconciliation), never failed by default',
  },
  {
    id: 'encryption-removes-pci',
    dimension: TRADE,
    claims: [
      {
        allOf: [
          ['encrypt', 'encrypted', 'encryption'],
          ['out of pci scope', 'removes pci', 'no pci', 'pci doesn t apply', 'pci does not apply', 'not in pci scope', 'outside pci scope'],
        ],
        unless: ['token', 'vault'],
      },
    ],
    correction:
      'systems that store or process card numbers stay in PCI scope even when they encrypt them; scope shrinks when a vault tokenises the card and the rest of the system only ever sees tokens',
  },
  {
    id: 'async-replication-loses-nothing',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['asynchronous replication', 'async replication', 'asynchronously replicated', 'replicate asynchronously'],
          [
            'no data loss',
            'never lose',
            'nothing is lost',
            'zero data loss',
            'can t lose',
            'cannot lose',
            'always consistent',
            'strongly consistent',
            'no double charge',
          ],
        ],
        unless: ['can lose', 'may lose', 'might lose', 'could lose', 'risk'],
      },
    ],
    correction:
      'asynchronous replication acknowledges before the replica has the write, so a failover can lose the last writes and two regions can accept conflicting ones; no-loss needs synchronous replication or a single writer',
  },
  // Scheduling.
  {
    id: 'lease-prevents-crash',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['lease', 'leases', 'heartbeat', 'heartbeats'],
          [
            'prevents the worker from crashing',
            'stops the worker from crashing',
            'prevents crashes',
            'worker can t crash',
            'worker cannot crash',
            'never crashes',
            'keeps the worker alive',
            'keep the worker alive',
            'so it can t die',
            'so the worker can t die',
            'will finish the job before it expires',
            'finishes the job before it expires',
            'finish before the lease expires',
            'finishes before the lease expires',
            'job finishes before the lease',
            'guarantees the job completes',
            'ensures the job completes',
            'ensures the worker finishes',
            'guarantees the worker finishes',
            'only expires after the job has finished',
          ],
        ],
      },
    ],
    correction:
      'a lease does not keep a worker alive: it expires when the worker stops renewing it, so another worker can take the job over (and a fencing token stops the old one if it was only slow)',
  },
  {
    id: 'visibility-timeout-deletes',
    dimension: SCALE,
    claims: [
      {
        allOf: [
          ['visibility timeout'],
          ['deletes the message', 'delete the message', 'removes the message', 'drops the job', 'drops the message', 'is deleted', 'gets deleted'],
        ],
        unless: ['not', 'reappear', 'visible again', 'redeliver'],
      },
    ],
    correction:
      'when a visibility timeout expires the message becomes visible again and is redelivered; it is deleted only when the consumer deletes it after finishing',
  },
  {
    id: OVERCLAIM_ID,
    dimension: TRADE,
    claims: [
      {
        allOf: [
          [
            'we don t need',
            'we do not need',
            'we never need',
            'we won t need',
            'you don t need',
            'there is no need',
            'there s no need',
            'no need for',
            'no need to',
            'is not needed',
            'isn t needed',
            'are not needed',
            'aren t needed',
            'is unnecessary',
            'are unnecessary',
            'don t need any',
            'doesn t need any',
            'for free',
            'perfectly',
            'can never',
            'will never',
            'no risk',
            'no real risk',
            'no trade off',
            'no real trade off',
            'for certain',
            'win win',
            'only add',
            'only adds',
          ],
        ],
        negated: true,
      },
    ],
    correction:
      'a safeguard declared unneeded, a cost declared free or a failure declared impossible needs its argument: say what it would cost or how it would fail, and why this design can accept that',
  },
  ...COORDINATION_MISCONCEPTIONS,
];
