import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import { GraderEngine } from './grader-engine.js';
import { MISCONCEPTIONS } from './misconceptions.js';
import { findMisconceptions } from './mistake-judge.js';
import { RubricGrader } from './rubric.grader.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('MISCONCEPTIONS', () => {
  let content: ContentBundle;
  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  });
  const engine = new GraderEngine();
  const found = (questionId: string, text: string) => {
    const question = content.questions.get(questionId)!;
    const compiled = engine.compile(question, question.version);
    const analysis = engine.analyse(compiled, text);
    return findMisconceptions(compiled, analysis.sentences, analysis.source).map((f) => f.misconception.id);
  };

  it('reads a claim split over a sentence and the consequence the next one draws ("X. So no Y."), in one paragraph only', () => {
    const premise = 'We hash the long URL with MD5 and keep the first seven characters as the code.';
    expect(found('url-shortener', `${premise} So there is no need for a uniqueness check.`)).toEqual(['truncated-hash-unique']);
    expect(found('url-shortener', `${premise} That means there is no need for a uniqueness check.`)).toEqual(['truncated-hash-unique']);
    // Not a consequence of the first, or not in its paragraph, or the safeguard kept: no claim.
    expect(found('url-shortener', `${premise}\n\nSo there is no need for a uniqueness check.`)).toEqual([]);
    expect(found('url-shortener', `${premise} So we still do a uniqueness check before the insert.`)).toEqual([]);
    expect(found('url-shortener', 'Codes come from counter ranges. So there is no need for a uniqueness check.')).toEqual([]);
  });

  it('counts an overclaim only when the answer makes two or more: one is a judgement call, two are a habit', () => {
    const one = 'Likes are eventually consistent, so we do not need a distributed transaction for them.';
    const two = "Kafka keeps every message, so we don't need dedup on the consumer. Batching gives us throughput for free.";
    expect(found('realtime-notifications', one)).toEqual([]);
    expect(found('realtime-notifications', two)).toEqual(['overclaim', 'overclaim']);
    // A denied one is no overclaim: one left, which does not count.
    expect(found('realtime-notifications', `${one} It is not true that batching comes for free.`)).toEqual([]);
  });

  it('has unique ids and one-sentence corrections', () => {
    expect(new Set(MISCONCEPTIONS.map((m) => m.id)).size).toBe(MISCONCEPTIONS.length);
    for (const m of MISCONCEPTIONS) expect([m.id, /\.\s/.test(m.correction) || m.correction.endsWith('.')]).toEqual([m.id, false]);
  });

  it('finds nothing wrong in any reference answer or answer framework (the expert text of every question)', () => {
    for (const question of content.questions.values()) {
      expect([question.id, found(question.id, question.referenceAnswer)]).toEqual([question.id, []]);
      expect([question.id, found(question.id, question.answerFramework)]).toEqual([question.id, []]);
    }
  });

  it.each([
    ['url-shortener', 'I return a 301 because 301 is the temporary redirect, so clicks keep coming back.', 'redirect-codes-swapped'],
    ['realtime-notifications', 'Because pub/sub is persistent, an offline user receives everything on reconnect.', 'pubsub-is-durable'],
    ['payment-gateway', "Because of that we don't need reconciliation at all.", 'reconciliation-unneeded'],
    ['distributed-rate-limiter', 'Redis is single threaded, so a GET then a SET from two gateways is race free.', 'single-threaded-means-atomic'],
    [
      'url-shortener',
      "The server checks Redis for the code and writes it if absent; Redis is single-threaded, so two servers can't both pass the check.",
      'single-threaded-means-atomic',
    ],
    [
      'url-shortener',
      "With Kafka's exactly-once semantics every click is counted exactly once, even if a redirect server crashes mid-request.",
      'exactly-once-end-to-end',
    ],
    // A qualifier the sentence itself denies is no qualifier.
    [
      'distributed-rate-limiter',
      'Redis is single threaded, so two gateways never interleave and the check is race free without needing Lua.',
      'single-threaded-means-atomic',
    ],
    // A safeguard declared unneeded because of an absolute guarantee.
    ['chat-system', "The broker gives us exactly-once delivery, so clients don't need any dedup.", 'exactly-once-end-to-end'],
    ['job-scheduler', 'With exactly-once processing switched on, our jobs never have to be idempotent.', 'exactly-once-without-idempotency'],
    [
      'photo-feed',
      'Feeds are stored in Cassandra, which is strongly consistent by default, so reads are never stale.',
      'cassandra-strong-by-default',
    ],
    ['photo-feed', 'Post ids are random UUIDs, which are time-ordered, so sorting by id is enough.', 'random-uuid-time-ordered'],
    ['chat-system', 'Every server runs NTP, which keeps clocks synchronized to within microseconds.', 'clocks-are-synchronised'],
    [
      'realtime-notifications',
      'NTP keeps all our servers synchronised to the microsecond, so timestamps give a total order across regions.',
      'clocks-are-synchronised',
    ],
    ['job-scheduler', 'Retries give us exactly-once execution.', 'retries-give-exactly-once'],
    ['distributed-rate-limiter', 'A token bucket cannot handle bursts, so it only suits steady clients.', 'rate-limit-algorithms-swapped'],
    ['distributed-rate-limiter', 'Fixed windows mean a client can never exceed the limit in any second.', 'rate-limit-algorithms-swapped'],
    ['distributed-rate-limiter', 'Redis replication is synchronous, so a failover loses nothing.', 'redis-replication-synchronous'],
    ['observability-platform', 'With head-based sampling every error is kept, so the interesting traces survive.', 'head-sampling-keeps-errors'],
    ['observability-platform', 'Full-text indexing reduces storage compared with keeping raw files.', 'indexing-saves-storage'],
    ['observability-platform', 'Add any labels you like: the time-series engine compresses away the extra series.', 'more-labels-cheaper'],
    ['search-autocomplete', 'A Bloom filter per prefix can return the best completions.', 'bloom-filter-returns-items'],
    ['job-scheduler', 'Our lock never expires, which is safer than a lease.', 'lock-without-expiry-safer'],
    ['job-scheduler', 'A burst is no problem since Kafka scales infinitely.', 'kafka-scales-without-limit'],
    [
      'url-shortener',
      'A 301 is fine for analytics: the browser still pings the origin when it reuses the cached redirect.',
      'cached-redirect-still-counted',
    ],
    ['photo-feed', 'More read replicas let us scale writes as the user base grows.', 'read-replicas-scale-writes'],
    ['photo-feed', 'With consistent hashing no keys move when a cache node is added.', 'consistent-hashing-moves-nothing'],
    ['lru-cache', 'The LRU policy evicts the least frequently used entry.', 'lru-is-frequency'],
    ['chat-system', 'Kafka deletes messages once consumed, so the log stays small.', 'kafka-deletes-consumed'],
    ['job-scheduler', 'Each job runs exactly once, even if a worker crashes halfway.', 'exactly-once-end-to-end'],
    ['photo-feed', "The CDN is the storage layer, so we don't need S3 behind it.", 'cdn-is-the-store'],
    ['job-scheduler', 'Jitter means retrying failed jobs immediately with no delay.', 'jitter-is-immediate-retry'],
    ['job-scheduler', 'Priority queues provide fairness between tenants.', 'priority-is-fairness'],
    ['distributed-rate-limiter', 'The token bucket guarantees each request is delivered exactly once.', 'rate-limiter-delivers'],
    ['distributed-rate-limiter', 'The sliding log uses constant memory because it only keeps the count.', 'sliding-log-constant-memory'],
    [
      'distributed-rate-limiter',
      'A sliding log only needs O(1) memory per key because it stores just the latest timestamp.',
      'sliding-log-constant-memory',
    ],
    [
      'distributed-rate-limiter',
      'Fixed window is the most accurate option because the counter resets at an exact boundary, so there is never any over-admission.',
      'rate-limit-algorithms-swapped',
    ],
    ['distributed-rate-limiter', 'Token bucket and leaky bucket are the same algorithm under two names.', 'token-bucket-renamed'],
    ['distributed-rate-limiter', 'Token bucket is just a fixed window with a different name.', 'token-bucket-renamed'],
    [
      'payment-gateway',
      "By Little's law the number in flight is throughput divided by latency, so 5,000 / 0.2 = 25,000 concurrent requests.",
      'littles-law-divides',
    ],
    ['payment-gateway', 'With the outbox the merchant polls an outbox endpoint instead of us sending webhooks.', 'outbox-is-polling'],
    [
      'search-autocomplete',
      'At request time we walk to the trie node, traverse everything below it and sort the completions.',
      'trie-ranks-at-request-time',
    ],
    ['photo-feed', 'Fan-out on write is cheapest for celebrities since they post rarely.', 'fanout-on-write-cheap-for-celebrities'],
    ['realtime-notifications', 'In a consumer group every consumer gets every message.', 'consumer-group-broadcasts'],
    ['url-shortener', 'On a redirect we decode the hash back to the long URL.', 'hash-is-reversible'],
    ['observability-platform', 'For the fleet p99 we average the p99 of each host.', 'percentiles-averaged'],
    ['observability-platform', 'Tail sampling decides at the start of the request whether to keep the trace.', 'tail-sampling-up-front'],
    [
      'observability-platform',
      'Traces: tail-based sampling, meaning we only keep the tail end of each trace, the last few spans nearest the database.',
      'tail-sampling-keeps-last-spans',
    ],
    ['observability-platform', 'With tail sampling we store only the last spans of every request.', 'tail-sampling-keeps-last-spans'],
    ['observability-platform', 'We downsample logs too, averaging the log lines per minute.', 'logs-downsampled-by-averaging'],
    ['observability-platform', 'After a week logs are downsampled to hourly averages.', 'logs-downsampled-by-averaging'],
    ['photo-feed', 'The cursor is base64("page=3"), and the server turns it into LIMIT 20 OFFSET 60.', 'cursor-is-page-number'],
    ['photo-feed', 'Pagination: opaque cursor = base64 of the page offset, so clients cannot tamper with it.', 'cursor-is-page-number'],
    [
      'url-shortener',
      "Browsers keep it for an hour, and since every click is still logged as a Kafka event we don't lose analytics.",
      'cached-redirect-still-counted',
    ],
    ['recommendation-engine', 'Training-serving skew is when the model is trained on more data than it sees at serving time.', 'skew-is-stale-model'],
    ['observability-platform', 'Storage is cheap, so we keep 100% of traces for a year.', 'keep-all-telemetry-forever'],
    ['observability-platform', 'Scraping is perfect for short-lived batch jobs.', 'scraping-short-lived-jobs'],
    ['observability-platform', 'Pull is the better fit for short-lived cron jobs.', 'scraping-short-lived-jobs'],
    ['observability-platform', 'Head-based sampling at 1% still keeps all the failing requests.', 'head-sampling-keeps-errors'],
    ['observability-platform', 'We put user_id and request_id on every metric so dashboards can drill down.', 'more-labels-cheaper'],
    ['observability-platform', 'Labels cost essentially nothing, so there is no reason to restrict them.', 'more-labels-cheaper'],
    ['url-shortener', 'MD5 is unique per input and truncating keeps that, so no collision check is needed.', 'truncated-hash-unique'],
    ['payment-gateway', 'If the processor times out we mark the payment failed and the merchant retries.', 'timeout-means-failed'],
    ['payment-gateway', 'A processor timeout means the charge failed, so we show the customer an error.', 'timeout-means-failed'],
    ['payment-gateway', 'When the call times out we retry it with a new request after a second.', 'new-idempotency-key-per-retry'],
    ['payment-gateway', 'We encrypt card numbers, so the database is out of PCI scope.', 'encryption-removes-pci'],
    ['payment-gateway', 'Async replication between regions means we never lose a payment.', 'async-replication-loses-nothing'],
    [
      'payment-gateway',
      'Postgres has an asynchronous replica in region B with automatic failover, so a regional failover loses no payments.',
      'async-replication-loses-nothing',
    ],
    [
      'payment-gateway',
      "Each retry goes out with a new attempt_id as the processor's idempotency key, so every attempt is traceable.",
      'new-idempotency-key-per-retry',
    ],
    [
      'payment-gateway',
      "A retry worker re-sends the authorization with a fresh processor request id each attempt, so the processor doesn't reject it as a duplicate.",
      'new-idempotency-key-per-retry',
    ],
    ['job-scheduler', 'The lease prevents the worker from crashing mid-job.', 'lease-prevents-crash'],
    ['job-scheduler', 'When the visibility timeout expires SQS deletes the message.', 'visibility-timeout-deletes'],
    // Right words, wrong concept: each of these names the right mechanism and gets it wrong.
    [
      'realtime-notifications',
      'With idempotent producers, Kafka gives us exactly-once delivery, so consumers need no dedup.',
      'exactly-once-end-to-end',
    ],
    [
      'payment-gateway',
      'Kafka transactions give exactly-once processing, so the processor call inside the consumer also happens exactly once.',
      'exactly-once-end-to-end',
    ],
    ['realtime-notifications', 'Batching cuts round trips, so it lowers latency as well as raising throughput.', 'batching-lowers-latency'],
    ['realtime-notifications', 'Bigger batches improve both latency and throughput.', 'batching-lowers-latency'],
    ['distributed-rate-limiter', 'The leaky bucket is the one that lets clients burst, since idle clients build up credit.', 'leaky-bucket-bursts'],
    ['distributed-rate-limiter', 'The token bucket forces a perfectly even rate on every client.', 'leaky-bucket-bursts'],
    [
      'distributed-rate-limiter',
      'Fixed windows are the most accurate option because every request is counted exactly.',
      'rate-limit-algorithms-swapped',
    ],
    [
      'distributed-rate-limiter',
      'The sliding window counter lets a client burst to double the limit at the window boundary.',
      'rate-limit-algorithms-swapped',
    ],
    ['distributed-rate-limiter', 'A token bucket has to store a timestamp for every request in the window.', 'rate-limit-algorithms-swapped'],
    ['photo-feed', "Celebrities' posts are read the most, so they are the ones worth precomputing.", 'hybrid-fanout-inverted'],
    ['photo-feed', 'We fan out on write for accounts with millions of followers.', 'hybrid-fanout-inverted'],
    ['photo-feed', 'Posts of normal users with a few hundred followers are pulled at read time.', 'hybrid-fanout-inverted'],
    ['url-shortener', 'Collisions are not a concern, since we keep the first 7 characters of the MD5 of the URL.', 'truncated-hash-unique'],
    ['photo-feed', 'The CDN keeps the originals as the source of truth, so there is no S3 behind it.', 'cdn-is-the-store'],
    [
      'url-shortener',
      'With consistent hashing every key ends up on every node, so cache misses cannot happen.',
      'consistent-hashing-copies-everywhere',
    ],
    ['url-shortener', 'Redis is the system of record for the codes, sharded by code.', 'cache-is-durable'],
    ['recommendation-engine', "The feature store holds each user's final recommendation list.", 'feature-store-caches-predictions'],
    ['recommendation-engine', 'Training-serving skew is what happens when the model goes stale.', 'skew-is-stale-model'],
    ['recommendation-engine', 'Skew is no concern as long as training and serving load the same model file.', 'skew-is-stale-model'],
    ['payment-gateway', 'Double-entry means each payment row is stored twice, in Postgres and in a second store.', 'double-entry-is-replication'],
    ['payment-gateway', 'We keep a double entry ledger, and the double entry is the reconciliation.', 'double-entry-is-replication'],
    ['job-scheduler', 'FOR UPDATE SKIP LOCKED lets every instance read the same locked rows.', 'skip-locked-shares-rows'],
    ['job-scheduler', 'Every scheduler instance runs each due job, and that redundancy protects us from a crash.', 'every-instance-runs-every-job'],
    ['job-scheduler', 'Once a worker holds the lease nobody else can run the job, even if it pauses for a long GC.', 'lease-without-fencing'],
    ['job-scheduler', 'The idempotent producer deduplicates identical messages from several schedulers.', 'idempotent-producer-dedups-content'],
    ['chat-system', 'On reconnect we send the latest 50 messages, which is equivalent to a full sync.', 'latest-messages-are-a-sync'],
    ['search-autocomplete', 'Each trie keeps its top-10 lists at the leaves only.', 'precomputed-means-scored-offline'],
    ['recommendation-engine', 'The ranking model scores every product on every request, so nothing is filtered out early.', 'rank-whole-catalogue'],
    ['recommendation-engine', "I'd skip multi-stage serving; the ranker is fast enough.", 'rank-whole-catalogue'],
    ['recommendation-engine', 'Only after ranking do we run the ANN search.', 'rank-whole-catalogue'],
    ['recommendation-engine', 'HNSW returns the exact top-k neighbours.', 'ann-is-exact'],
    ['recommendation-engine', 'We move 100% of traffic to the new model and compare with last week.', 'before-after-is-ab-test'],
    ['recommendation-engine', 'That comparison is effectively an A/B test over time.', 'before-after-is-ab-test'],
    ['chat-system', 'Kafka orders messages across the whole topic.', 'kafka-total-order'],
    ['realtime-notifications', "WebSockets are stateless once they're established, so any gateway can push.", 'websocket-is-stateless'],
    ['chat-system', 'Pub/Sub keeps the messages, so a device that reconnects receives whatever it missed.', 'pubsub-is-durable'],
    ['search-autocomplete', 'Letters are used fairly evenly across queries, so 26 shards give a balanced load.', 'first-letter-sharding-even'],
    ['photo-feed', 'Post ids are Snowflake ids, which are random 128-bit UUIDs.', 'random-uuid-time-ordered'],
    [
      'photo-feed',
      "Fan-out on read means that when someone posts, we write the post id into each follower's feed list right away.",
      'fanout-swapped',
    ],
    ['recommendation-engine', "HNSW is an exact index, so there's no recall trade-off to tune.", 'ann-is-exact'],
    [
      'recommendation-engine',
      'GPUs are massively parallel, so scoring 50 million items takes a few milliseconds and we never miss a product.',
      'rank-whole-catalogue',
    ],
    [
      'recommendation-engine',
      'Since both compute the same features from the same events, training and serving stay consistent.',
      'skew-is-stale-model',
    ],
    ['recommendation-engine', 'A Flink job and a Spark job each compute the same features, so training and serving match.', 'skew-is-stale-model'],
  ])('finds a wrong claim in %s: %j', (questionId, text, id) => {
    expect(found(questionId, text)).toContain(id);
  });

  it('leaves the correct statements of the same topics alone', () => {
    expect(found('photo-feed', 'Snowflake ids are 64-bit and time-ordered, unlike random UUIDs.')).toEqual([]);
    expect(found('recommendation-engine', 'No ranker can score 50M products in 100 ms, which is why the funnel exists.')).toEqual([]);
    expect(
      found('recommendation-engine', 'Both compute the same features from one shared definition, so training and serving stay consistent.'),
    ).toEqual([]);
    expect(found('search-autocomplete', 'Letters are used very unevenly, so we shard by hashed prefix rather than by first letter.')).toEqual([]);
    expect(found('observability-platform', 'Tail sampling decides once the trace is complete, so we keep whole traces with errors.')).toEqual([]);
    expect(found('observability-platform', 'Logs are not averaged: we drop debug lines and move week-old logs to S3.')).toEqual([]);
    expect(found('photo-feed', 'The cursor is the last post id seen, not an OFFSET, so a page is LIMIT 20 after that id.')).toEqual([]);
    expect(found('observability-platform', 'For alerting and debugging, traces are tail-sampled, keeping every error and slow trace.')).toEqual([]);
    expect(
      found('url-shortener', 'Even if a consumer crashes, Kafka redelivers, so clicks are counted at least once and deduplicated by event id.'),
    ).toEqual([]);
    expect(found('url-shortener', "SET NX is one command and Redis is single-threaded, so two servers can't both pass the check.")).toEqual([]);
    expect(found('payment-gateway', 'The asynchronous replica in region B can lose the last second of writes on failover.')).toEqual([]);
    expect(found('payment-gateway', "Every retry reuses the first attempt's idempotency key; a new attempt id goes in our own log only.")).toEqual(
      [],
    );
    expect(found('chat-system', 'Clocks are not perfectly synchronised, so we order messages by a per-conversation sequence number.')).toEqual([]);
    expect(found('chat-system', 'NTP does not give a total order across servers; the sequencer does.')).toEqual([]);
    expect(found('distributed-rate-limiter', 'A token bucket allows bursts up to its capacity while holding the average rate.')).toEqual([]);
    expect(
      found('distributed-rate-limiter', 'A sliding log stores a timestamp per request, unlike the window counter, which keeps two counts.'),
    ).toEqual([]);
    expect(
      found('distributed-rate-limiter', 'The sliding log is the most accurate; a fixed window lets a client double its rate at the boundary.'),
    ).toEqual([]);
    expect(
      found('distributed-rate-limiter', 'A token bucket is not the same as a leaky bucket: it allows bursts, the leaky bucket smooths them.'),
    ).toEqual([]);
    expect(found('payment-gateway', "By Little's law, 5,000 payments/s at 0.2 s each is about 1,000 requests in flight.")).toEqual([]);
    expect(found('distributed-rate-limiter', 'Redis replicates asynchronously, so a failover can lose the last few increments.')).toEqual([]);
    expect(found('search-autocomplete', 'A Bloom filter tells us whether a term might be blocked; it stores no terms.')).toEqual([]);
    expect(found('job-scheduler', 'A lock without a TTL is held forever when its holder crashes, so locks are leases.')).toEqual([]);
    expect(found('observability-platform', 'Cost is driven by the number of series, not the number of samples, so ids stay out of labels.')).toEqual(
      [],
    );
    expect(
      found('observability-platform', 'Head-based sampling decides up front, so errors are dropped as often as anything; tail sampling keeps them.'),
    ).toEqual([]);
    expect(found('lru-cache', 'LRU evicts the least recently used entry, unlike LFU, which evicts the least frequently used.')).toEqual([]);
    expect(found('photo-feed', 'Read replicas scale reads; writes still go to the primary, so write throughput needs sharding.')).toEqual([]);
    expect(found('photo-feed', 'The CDN caches images in front of S3, which stays the source of truth for the originals.')).toEqual([]);
    expect(found('job-scheduler', 'Jitter adds a random delay so retries do not all fire at the same moment.')).toEqual([]);
    expect(found('photo-feed', 'Fan-out on write is cheap for most accounts, except celebrities, whose posts we merge at read time.')).toEqual([]);
    expect(found('observability-platform', 'Percentiles cannot be averaged across hosts, so we merge the histograms.')).toEqual([]);
    expect(found('payment-gateway', 'A timed-out charge is marked unknown and resolved by a status query, never failed by default.')).toEqual([]);
    expect(found('payment-gateway', 'On a timeout we retry with the same idempotency key, so the processor returns the first outcome.')).toEqual([]);
    expect(
      found('url-shortener', 'We take seven characters of the SHA-256 and do a uniqueness check on insert, retrying with a salt on a clash.'),
    ).toEqual([]);
    expect(found('observability-platform', 'Head-based sampling drops most error traces, so we sample at the tail instead.')).toEqual([]);
    expect(found('payment-gateway', 'Async replication can lose the last writes on failover, so the ledger uses a synchronous standby.')).toEqual([]);
    expect(found('job-scheduler', 'When the visibility timeout expires the message becomes visible again and is redelivered.')).toEqual([]);
  });

  it('leaves a rejected claim, a correct contrast and a keyword list alone', () => {
    expect(found('url-shortener', 'A 301 is permanent and cached by browsers, while a 302 is temporary.')).toEqual([]);
    expect(found('realtime-notifications', 'It is not true that pub/sub is persistent: offline users miss messages.')).toEqual([]);
    expect(found('realtime-notifications', 'Kafka, pub/sub, persistent storage, WebSockets, SSE, APNs, FCM, Redis, Cassandra.')).toEqual([]);
  });

  it('leaves the correct statements of the right-words, wrong-concept families alone', () => {
    for (const [questionId, text] of [
      [
        'realtime-notifications',
        'Kafka transactions give exactly-once only inside Kafka; the push is a side effect outside it, so consumers are idempotent.',
      ],
      ['realtime-notifications', 'Batching raises throughput, but each message waits for its batch, so latency goes up.'],
      ['realtime-notifications', 'Small batches give lower latency and higher throughput comes from big ones: a trade-off.'],
      ['distributed-rate-limiter', 'A leaky bucket smooths bursts into a constant outflow, while a token bucket allows bursts up to its size.'],
      ['distributed-rate-limiter', 'The token bucket enforces a steady average rate while allowing bursts up to the bucket size.'],
      ['distributed-rate-limiter', 'Fixed windows are the least accurate: a client can double its rate at the boundary.'],
      ['distributed-rate-limiter', 'The sliding log is the most accurate option and fixed windows the cheapest.'],
      [
        'distributed-rate-limiter',
        "The sliding window counter weights the previous window, so a client can't burst to double the limit at the boundary.",
      ],
      ['distributed-rate-limiter', 'A token bucket keeps the token count and the last refill time; the sliding log keeps a timestamp per request.'],
      ['photo-feed', 'We fan out on write for normal users and pull celebrities at read time.'],
      ['photo-feed', 'We fan out on write except for accounts with millions of followers, whose posts are merged at read time.'],
      ['photo-feed', "Ordinary users' posts are pushed into followers' feeds; celebrity posts are fetched at read time and merged."],
      ['url-shortener', 'We keep the first 7 characters of the hash, with a uniqueness check on insert and a retry with a salt on a collision.'],
      ['photo-feed', 'The CDN fetches the originals from the origin bucket on a miss; S3 stays the source of truth.'],
      ['url-shortener', 'Consistent hashing maps each key to one node, so adding a node moves only a slice of the keys.'],
      ['url-shortener', 'Redis is the system of record only with AOF fsync on every write and replicas.'],
      ['recommendation-engine', 'The feature store serves model inputs; the final recommendation lists are cached separately.'],
      [
        'recommendation-engine',
        'Training-serving skew comes from features computed differently offline and online; a stale model is a different problem.',
      ],
      ['recommendation-engine', "Loading the same model file doesn't prevent training-serving skew; the features must share one definition."],
      ['payment-gateway', 'Double entry records each movement twice, as a debit and a matching credit that sum to zero.'],
      ['payment-gateway', 'Double entry keeps the ledger balanced, and we still reconcile it daily against the settlement files.'],
      ['job-scheduler', 'With SKIP LOCKED each scheduler passes over rows another transaction holds, so no two instances claim the same job.'],
      ['job-scheduler', 'All schedulers run the scan for redundancy, and the row lock means only one of them claims each job.'],
      ['job-scheduler', 'Even if a worker pauses for a long GC its lease expires and another takes over, so the store checks a fencing token.'],
      ['job-scheduler', "Kafka's idempotent producer only drops its own retries, so workers dedupe by execution id."],
      ['chat-system', 'On reconnect the device sends its last seq and gets everything after it, not just the latest 50.'],
      ['search-autocomplete', 'Every trie node keeps its own top-10 list, not only the leaves, so a lookup reads one node.'],
      ['recommendation-engine', "Running the ranker over all 50M products would take seconds, which is why it's a funnel."],
      ['recommendation-engine', 'ANN retrieval comes first, and after ranking we apply business rules and diversity.'],
      ['recommendation-engine', 'Brute-force search returns the exact top-k; ANN trades a little recall for speed.'],
      ['recommendation-engine', 'An A/B test splits traffic at random; comparing with last week would be confounded by seasonality.'],
      ['chat-system', 'Kafka only orders within a partition, not across the whole topic.'],
    ] as const)
      expect([text, found(questionId, text)]).toEqual([text, []]);
  });

  it('reads a denied safeguard past a refutation in a clause of its own ("can\'t arrive twice, so no dedup")', () => {
    const claim =
      "Kafka gives us exactly-once delivery all the way to the phone: a notification can't be delivered twice, so we don't need any dedup logic.";
    expect(found('realtime-notifications', claim)).toContain('exactly-once-end-to-end');
    // A refutation in the claim's own clause, or in the denial's, still argues against it.
    expect(
      found('realtime-notifications', "Exactly-once delivery to the phone isn't possible, so without dedup users would see duplicates."),
    ).toEqual([]);
    expect(found('realtime-notifications', 'Exactly-once delivery to the phone: impossible without dedup on the client.')).toEqual([]);
  });

  it('reads no denied safeguard into a refutation, a denied claim or an argument', () => {
    expect(found('chat-system', 'Exactly-once delivery to devices is impossible without dedup on the client.')).toEqual([]);
    expect(found('chat-system', 'There is no exactly-once delivery without idempotent consumers.')).toEqual([]);
    expect(found('payment-gateway', 'Replication without backups does not protect us from a bad delete.')).toEqual([]);
    expect(found('photo-feed', 'Paging uses a cursor on the last post id, never OFFSET pages.')).toEqual([]);
    expect(found('distributed-rate-limiter', 'Redis is single threaded, but a GET then a SET can interleave, so we use one Lua script.')).toEqual([]);
    expect(found('job-scheduler', 'A retry with the same idempotency key gives exactly-once effects.')).toEqual([]);
  });

  it('scopes a negation over its own clause: one in another clause does not cancel the claim', () => {
    expect(found('realtime-notifications', 'Ordering is not a concern because NTP keeps all our servers synchronised to the microsecond.')).toContain(
      'clocks-are-synchronised',
    );
    expect(
      found('realtime-notifications', "We don't need a separate inbox, since pub/sub is persistent and replays everything on reconnect."),
    ).toContain('pubsub-is-durable');
    expect(found('chat-system', 'I would not shard by user; Kafka keeps a total order across the whole topic.')).toContain('kafka-total-order');
  });

  it('still rejects a claim negated in its own clause', () => {
    expect(found('realtime-notifications', 'NTP does not keep servers synchronised to the microsecond, so ordering uses a sequencer.')).toEqual([]);
    expect(found('realtime-notifications', 'We never assume that pub/sub is persistent, because offline users miss messages.')).toEqual([]);
    expect(found('chat-system', 'We do not think Kafka keeps a total order across the whole topic, only within a partition.')).toEqual([]);
    expect(found('chat-system', 'Kafka does not keep a total order across the whole topic, only within a partition.')).toEqual([]);
    expect(found('distributed-rate-limiter', "A token bucket doesn't allow bursts past its size, whatever the rate.")).toContain(
      'rate-limit-algorithms-swapped',
    );
    expect(found('realtime-notifications', 'Stateless routers look up a Redis session map and push over the WebSocket.')).toEqual([]);
  });

  it('reads a negated qualifier of a question wrong claim by clause too', () => {
    const question = content.questions.get('chat-system')!;
    const sut = new RubricGrader({ corpus: content.questions.values(), now: () => 0 });
    const ordering = (answer: string) =>
      sut
        .gradeSync({
          question,
          questionVersion: question.version,
          role: content.roles.get(question.role)!,
          phaseId: 'deep-dive',
          scope: 'session',
          history: [],
          answer,
          promptVersion: 'p',
        })
        .mistakes.find((m) => m.id === 'timestamp-ordering')?.status;
    expect(ordering('Clients are not trusted, so every device sorts messages by the server timestamp.')).toBe('present');
    expect(ordering('Devices do not sort messages by timestamp; they use the per-conversation sequence.')).toBe('absent');
  });

  it('credits no key point from the paragraph of a wrong sentence about it, but does from another paragraph', () => {
    const question = content.questions.get('chat-system')!;
    const sut = new RubricGrader({ corpus: content.questions.values(), now: () => 0 });
    const sequencing = (answer: string) =>
      sut
        .gradeSync({
          question,
          questionVersion: question.version,
          role: content.roles.get(question.role)!,
          phaseId: 'deep-dive',
          scope: 'session',
          history: [],
          answer,
          promptVersion: 'p',
        })
        .keyPoints.find((k) => k.id === 'sequencing-storage')?.status;
    const sound =
      'Each conversation has a per conversation sequence number, because every device must show the same order. Messages live in Cassandra with the conversation id as partition key, sorted by sequence number.';
    const wrong = "NTP keeps the servers' clocks synchronized to within microseconds, so the message id is simply the arrival time.";
    expect(sequencing(sound)).toBe('covered');
    expect(sequencing(`${wrong} ${sound}`)).not.toBe('covered');
    expect(sequencing(`${wrong}\n\n${sound}`)).toBe('covered');
  });

  it('credits nothing a wrong sentence says, caps its dimension and quotes it back with the correction', () => {
    const question = content.questions.get('url-shortener')!;
    const sut = new RubricGrader({ corpus: content.questions.values(), now: () => 0 });
    const grade = (answer: string) =>
      sut.gradeSync({
        question,
        questionVersion: question.version,
        role: content.roles.get(question.role)!,
        phaseId: 'deep-dive',
        scope: 'session',
        history: [],
        answer,
        promptVersion: 'p',
      });
    const wrong =
      'For the cache I put Redis in front using consistent hashing, which keeps the cache strongly consistent with the database so we never serve a stale URL.';
    const result = grade(wrong);
    expect(result.feedback.improvements[0]).toBe(
      // Both errors of the sentence are corrected, in one line.
      `“${wrong}” is not right: consistent hashing only decides which node owns a key and limits remapping when nodes change; it says nothing about data consistency or staleness. Also: a cache is stale by design between a write and its invalidation or expiry; say how you invalidate (write-through, delete on write, TTL) and how stale is acceptable.`,
    );
    expect(result.keyPoints.every((k) => k.evidence.every((e) => !wrong.includes(e)))).toBe(true);
    const data = result.dimensions.find((d) => d.id === 'data-model-storage')!;
    expect(data.score).toBeLessThanOrEqual(2);
    expect(data.reason).toContain('is technically wrong');
  });
});
