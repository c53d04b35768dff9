import { misconceptionFinder, type MisconceptionFinder } from '../../test/support/misconception-finder.js';
import { MESSAGING_MISCONCEPTIONS } from './misconceptions-messaging.js';
import { MISCONCEPTIONS } from './misconceptions.js';

describe('MESSAGING_MISCONCEPTIONS', () => {
  let finder: MisconceptionFinder;
  beforeAll(async () => {
    finder = await misconceptionFinder();
  });
  const found = (questionId: string, text: string) => finder.found(questionId, text);

  it('is part of MISCONCEPTIONS, with ids of its own', () => {
    for (const m of MESSAGING_MISCONCEPTIONS) expect(MISCONCEPTIONS).toContain(m);
    expect(new Set(MISCONCEPTIONS.map((m) => m.id)).size).toBe(MISCONCEPTIONS.length);
  });

  // New entries: each claim in at least two wordings.
  it.each([
    ['kafka-weak-acks-durable', 'realtime-notifications', 'We produce with acks=1, which is durable because the leader has persisted the event.'],
    [
      'kafka-weak-acks-durable',
      'observability-platform',
      "Producers use acks=1 with replication factor 3, so once a log batch is acknowledged it's replicated and can't be lost.",
    ],
    ['kafka-weak-acks-durable', 'chat-system', 'With acks=1 a message is on all three brokers once it is acked.'],
    ['offset-commit-before-processing', 'realtime-notifications', 'Workers commit the offset as soon as they read a batch, so nothing is lost.'],
    [
      'offset-commit-before-processing',
      'realtime-notifications',
      "If it crashes in between, the message is not redelivered, so there are no duplicates, and because Kafka replicates it it isn't lost either.",
    ],
    [
      'partition-by-unique-id',
      'realtime-notifications',
      "I'll partition the delivery topics by notification id so load spreads perfectly evenly and no heavy user creates a hot partition.",
    ],
    [
      'partition-key-breaks-order',
      'realtime-notifications',
      'Per-user ordering still holds, because each notification carries its creation timestamp and consumers sort by it.',
    ],
    [
      'partition-key-breaks-order',
      'chat-system',
      'Messages are spread over partitions at random; with the created_at timestamp they still arrive in order.',
    ],
    ['topic-per-group', 'chat-system', 'Groups: each group gets its own Kafka topic, and every member gateway subscribes to it.'],
    ['topic-per-group', 'realtime-notifications', 'We create one topic per user, so each user reads only their own notifications.'],
    [
      'offset-commit-before-processing',
      'realtime-notifications',
      'The consumer commits the offset as soon as it has read the event and then does the work, which gives exactly-once processing.',
    ],
    ['kafka-weak-acks-durable', 'realtime-notifications', 'We use acks=0 for speed, and because the topic has three replicas no message is lost.'],
    [
      'kafka-weak-acks-durable',
      'realtime-notifications',
      'Once the leader has written it to its log it is durable, so acks=all would only add latency.',
    ],
    [
      'kafka-weak-acks-durable',
      'chat-system',
      'Once the message is handed to the Kafka producer it can never be lost, so we show the tick right away.',
    ],
    ['kafka-weak-acks-durable', 'realtime-notifications', 'Unclean leader election is enabled so failover is lossless.'],
    ['kafka-replication-factor-roles', 'realtime-notifications', 'We raise the replication factor on hot topics to scale reads for the consumers.'],
    ['kafka-replication-factor-roles', 'realtime-notifications', 'A replication factor of 1 is enough for payment notifications.'],
    [
      'sticky-sessions-route-pushes',
      'realtime-notifications',
      'Sticky sessions mean the load balancer knows which server the user is on, so the dispatcher just sends the push through the load balancer.',
    ],
    [
      'sticky-sessions-route-pushes',
      'chat-system',
      'Session affinity on the load balancer acts as the registry, so a push for a user lands on their gateway.',
    ],
    [
      'sticky-sessions-route-pushes',
      'chat-system',
      'The load balancer already knows which gateway each user is connected to and forwards the notification.',
    ],
    [
      'websocket-gateways-scale-up',
      'realtime-notifications',
      "WebSocket servers can't be scaled horizontally because each connection is pinned, so we scale vertically instead.",
    ],
    [
      'websocket-gateways-scale-up',
      'realtime-notifications',
      'A single server with enough file descriptors can hold all 2 million connections, with a hot standby for failover.',
    ],
    ['websocket-gateways-scale-up', 'realtime-notifications', "So I'd run them on a couple of very large machines."],
    ['partition-key-breaks-order', 'realtime-notifications', 'We key the topic by event type so each user sees their notifications in order.'],
    ['partition-key-breaks-order', 'realtime-notifications', 'We increase the partition count on the fly and ordering is unaffected.'],
    [
      'offset-commit-before-processing',
      'realtime-notifications',
      'The worker commits the offset as soon as it reads the event, which guarantees the notification is never lost.',
    ],
    ['offset-commit-before-processing', 'realtime-notifications', 'Auto-commit is on, so if a consumer crashes nothing is lost.'],
    ['offset-commit-before-processing', 'realtime-notifications', 'Committing after processing gives us at-most-once delivery.'],
    [
      'consumer-parallelism-beyond-partitions',
      'realtime-notifications',
      'To drain a backlog we just add consumers without adding partitions, which scales linearly.',
    ],
    [
      'consumer-parallelism-beyond-partitions',
      'realtime-notifications',
      'Two consumers in the same consumer group read the same partition in parallel to go faster.',
    ],
    ['kafka-pushes-to-consumers', 'realtime-notifications', 'Kafka pushes messages to consumers as soon as they arrive.'],
    ['kafka-pushes-to-consumers', 'realtime-notifications', 'Kafka is push based, so the broker pushes events to the workers.'],
    [
      'kafka-transaction-undoes-side-effects',
      'realtime-notifications',
      'If the worker fails, the Kafka transaction aborts and the push is rolled back along with it.',
    ],
    [
      'kafka-transaction-undoes-side-effects',
      'payment-gateway',
      'If anything fails the transaction aborts and rolls back the charge at the processor too.',
    ],
    [
      'snowflake-ids-totally-ordered',
      'chat-system',
      'Snowflake IDs are globally ordered, so sorting by id gives the exact order messages were sent.',
    ],
    ['snowflake-ids-totally-ordered', 'chat-system', 'ULIDs are monotonic across servers, so two gateways can never produce out-of-order ids.'],
    ['snowflake-ids-totally-ordered', 'chat-system', "Snowflake ids don't depend on clocks, so clock skew is not a problem."],
    ['wall-clock-ordering', 'chat-system', 'We order by the client timestamp, which is more accurate than the server clock.'],
    ['wall-clock-ordering', 'chat-system', 'The device clock gives the true order because it records when the user pressed send.'],
    ['wall-clock-ordering', 'chat-system', 'Each server stamps messages with its server time and clients sort messages by that stamp.'],
    [
      'cassandra-secondary-index-cheap',
      'chat-system',
      'Cassandra secondary indexes are efficient, so we look up messages by conversation_id through one.',
    ],
    ['cassandra-secondary-index-cheap', 'chat-system', 'We load a conversation through a secondary index on conversation_id in Cassandra.'],
    ['partition-by-unique-id', 'chat-system', 'The partition key is the message id, which spreads writes evenly and avoids hot partitions.'],
    ['partition-by-unique-id', 'chat-system', 'We shard by random UUIDs so writes are uniformly distributed.'],
    ['cassandra-auto-increment', 'chat-system', "Cassandra's auto-increment gives each message its sequence number."],
    ['cassandra-auto-increment', 'chat-system', 'We use an auto-incrementing column in Cassandra for message ids.'],
    ['cassandra-counters-exact', 'chat-system', 'Cassandra counter columns are exact, so unread counts are always correct.'],
    ['cassandra-counters-exact', 'url-shortener', 'Click totals live in a Cassandra counter, which is idempotent, so retries are safe.'],
    ['cassandra-weak-quorums-strong', 'chat-system', 'QUORUM writes with reads at ONE give us strong consistency.'],
    ['cassandra-weak-quorums-strong', 'chat-system', 'LOCAL_QUORUM makes reads strongly consistent across regions.'],
    ['cassandra-unbounded-partition', 'chat-system', "A Cassandra partition per conversation can grow without limit, it's fine."],
    ['cassandra-unbounded-partition', 'realtime-notifications', 'The inbox partition can grow forever since Cassandra wide rows have no size limit.'],
    ['allow-filtering-is-fine', 'chat-system', 'ALLOW FILTERING is fine here because Cassandra is fast.'],
    ['allow-filtering-is-fine', 'realtime-notifications', 'We query unread notifications with ALLOW FILTERING, which is efficient.'],
    ['lightweight-transactions-free', 'chat-system', 'Lightweight transactions are basically free in Cassandra, so every write uses IF NOT EXISTS.'],
    ['lightweight-transactions-free', 'chat-system', 'An LWT costs the same latency as a normal write, so we use it for every message.'],
    ['group-fanout-free', 'chat-system', 'A 500-member group message costs nothing extra, fan-out is independent of group size.'],
    ['group-fanout-free', 'chat-system', "Pub/sub broadcasts to all members in O(1), so group size doesn't matter."],
    ['e2e-server-still-reads', 'chat-system', 'End-to-end encryption is easy to add later, and search keeps working on the server.'],
    ['e2e-server-still-reads', 'chat-system', 'With E2E the server still decrypts messages to generate push previews.'],
    ['e2e-server-still-reads', 'chat-system', "For E2E we store users' private keys on the server so they can recover their history."],
    ['offline-counts-as-delivered', 'realtime-notifications', 'Once APNs accepts it we mark it as delivered.'],
    ['offline-counts-as-delivered', 'chat-system', 'If the user is offline, we count it as delivered since the push will show it.'],
    [
      'presence-always-accurate',
      'realtime-notifications',
      "The gateway deletes the registry entry on disconnect, so presence is never stale and we don't need a TTL.",
    ],
    ['presence-always-accurate', 'chat-system', 'The presence registry is always accurate because the gateway updates it on connect and disconnect.'],
    [
      'disconnect-detected-instantly',
      'realtime-notifications',
      'When a phone goes offline the server knows immediately because TCP closes the socket.',
    ],
    ['disconnect-detected-instantly', 'chat-system', 'The gateway detects instantly when a client disconnects, so presence updates in real time.'],
    ['sse-is-bidirectional', 'realtime-notifications', 'SSE is bidirectional, so the client acks over the same stream.'],
    ['sse-is-bidirectional', 'realtime-notifications', 'Server-sent events give us a full duplex channel like WebSockets.'],
    ['push-provider-semantics', 'realtime-notifications', "APNs delivers notifications in order, so the client doesn't need to sort."],
    ['push-provider-semantics', 'realtime-notifications', 'Silent pushes are guaranteed to wake the app, so we use them to trigger sync.'],
    ['push-provider-semantics', 'chat-system', 'Device tokens never change, so we store them once at signup.'],
    ['replicated-memory-is-durable', 'chat-system', 'Redis replicates every write before replying, so the message is on two machines when we ack.'],
    ['replicated-memory-is-durable', 'chat-system', 'Since the message is in memory on three replicas, it is effectively durable.'],
    ['presence-on-every-node', 'chat-system', "Every gateway knows every user's status through gossip."],
    ['presence-on-every-node', 'realtime-notifications', 'Each node has the full presence table, kept in sync by gossip.'],
    ['bloom-filter-dedup-exact', 'chat-system', 'A Bloom filter deduplicates messages exactly, so we never drop a new message.'],
    [
      'bloom-filter-dedup-exact',
      'realtime-notifications',
      'We dedupe notifications with a Bloom filter, which guarantees no duplicate is ever shown.',
    ],
  ] as const)('finds %s in %s: %j', (id, questionId, text) => {
    expect(found(questionId, text)).toContain(id);
  });

  // Existing entries broadened: the wordings they missed.
  it.each([
    ['exactly-once-end-to-end', 'realtime-notifications', "Kafka's exactly-once mode guarantees each push reaches the device exactly once."],
    [
      'exactly-once-end-to-end',
      'payment-gateway',
      "Kafka's exactly-once semantics guarantee each charge is executed exactly once even if the worker restarts.",
    ],
    ['delivery-semantics-swapped', 'job-scheduler', 'At-most-once ensures every job is run, so nothing falls through the cracks.'],
    ['delivery-semantics-swapped', 'realtime-notifications', 'With at-least-once a message can be lost if the consumer crashes.'],
    ['delivery-semantics-swapped', 'job-scheduler', 'At-most-once plus retries means each job runs exactly once.'],
    ['pubsub-is-durable', 'realtime-notifications', 'Redis pub/sub buffers messages until the subscriber reconnects.'],
    ['batching-lowers-latency', 'realtime-notifications', 'Batching with a longer linger cuts latency because the network does fewer round trips.'],
    ['batching-lowers-latency', 'realtime-notifications', "We'd use the biggest batches for security alerts to keep the pipeline efficient."],
    ['batching-lowers-latency', 'realtime-notifications', 'Latency and throughput basically improve together when you batch.'],
    ['websocket-is-stateless', 'realtime-notifications', 'Any gateway can push to any user over the WebSocket, so routing is trivial.'],
    [
      'ack-before-persist',
      'chat-system',
      "We ack the sender immediately once the message is in the gateway's memory buffer, and a background flusher writes it to Cassandra.",
    ],
    [
      'ack-before-persist',
      'chat-system',
      'The service returns success as soon as the message is in Redis and writes it to the database asynchronously later.',
    ],
    ['push-services-guarantee-delivery', 'realtime-notifications', 'APNs keeps every notification until the device comes back online.'],
    ['push-services-guarantee-delivery', 'realtime-notifications', 'FCM never drops a notification, so the mobile channel is lossless.'],
    ['kafka-total-order', 'realtime-notifications', 'Kafka keeps a total ordering across all partitions.'],
    [
      'tcp-delivers-to-the-app',
      'realtime-notifications',
      'Once a message is written to the WebSocket the user has it, so there is no need for application-level acks.',
    ],
    ['consumer-group-broadcasts', 'realtime-notifications', 'Every worker in the consumer group gets every notification.'],
    ['idempotent-producer-dedups-content', 'job-scheduler', "Kafka's idempotent producer collapses the duplicate triggers into one."],
    ['kafka-deletes-consumed', 'realtime-notifications', 'Kafka deletes each message once it is read by the consumer.'],
    ['clocks-are-synchronised', 'chat-system', 'NTP keeps clocks within a millisecond, so sorting by timestamp gives the correct order.'],
    ['cassandra-strong-by-default', 'chat-system', 'Cassandra gives us strong consistency, so every read sees the latest write.'],
    [
      'offset-commit-before-processing',
      'realtime-notifications',
      "I'd switch every consumer to auto-commit with a five-second interval, letting offsets advance in the background while records are still being processed.",
    ],
    [
      'ack-before-persist',
      'chat-system',
      'The gateway should acknowledge the sender the moment it receives the frame, and the chat service batches writes to Cassandra every 200 ms.',
    ],
  ] as const)('finds %s in %s: %j', (id, questionId, text) => {
    expect(found(questionId, text)).toContain(id);
  });

  // The correct version of each claim, as a strong candidate says it: no misconception at all.
  it.each([
    [
      'kafka-weak-acks-durable',
      'observability-platform',
      'Logs use acks=1: once the leader acknowledged a batch it is replicated asynchronously, so we can lose a little on failover.',
    ],
    [
      'offset-commit-before-processing',
      'realtime-notifications',
      'If it crashes after the send, the message is not redelivered because it was already sent, and nothing is lost.',
    ],
    [
      'partition-key-breaks-order',
      'realtime-notifications',
      'Per-user ordering still holds because the topic is keyed by user id, so one user stays in one partition.',
    ],
    [
      'topic-per-group',
      'chat-system',
      'Messages go to one Kafka topic partitioned by conversation id, not a topic per group, so order holds per chat.',
    ],
    [
      'kafka-weak-acks-durable',
      'realtime-notifications',
      'Producers use acks=all with min.insync.replicas=2 on a replication factor of 3, so an acknowledged event survives a broker loss.',
    ],
    [
      'kafka-weak-acks-durable',
      'realtime-notifications',
      'acks=1 is faster but can lose the last writes if the leader dies, so payment events use acks=all.',
    ],
    [
      'kafka-weak-acks-durable',
      'chat-system',
      'A message sitting in the producer buffer is not in Kafka yet, so we only ack the caller from the send callback once the broker acknowledges it.',
    ],
    [
      'kafka-replication-factor-roles',
      'realtime-notifications',
      'Replication factor 3 is for durability and failover; consumers read from the leader, and throughput comes from partitions.',
    ],
    ['kafka-replication-factor-roles', 'realtime-notifications', 'For marketing events RF=1 is fine because losing one is acceptable.'],
    [
      'sticky-sessions-route-pushes',
      'realtime-notifications',
      "Sticky sessions only pin a client's own requests to a gateway; to push to a user we still need a registry of which gateway holds the connection.",
    ],
    [
      'sticky-sessions-route-pushes',
      'chat-system',
      "The load balancer only picks a gateway for a new connection; it doesn't know which gateway a user is on, so we keep a registry.",
    ],
    [
      'websocket-gateways-scale-up',
      'realtime-notifications',
      'Two million connections do not fit on one box, so we run about 50 gateways at 50k connections each behind a load balancer.',
    ],
    [
      'websocket-gateways-scale-up',
      'realtime-notifications',
      'WebSocket gateways are stateful, so they scale out behind a load balancer with a registry of which gateway holds each user.',
    ],
    [
      'partition-key-breaks-order',
      'realtime-notifications',
      "Topics are keyed by user_id so each user's notifications stay in order within their partition.",
    ],
    [
      'partition-key-breaks-order',
      'realtime-notifications',
      'Adding partitions remaps keys, so we over-provision partitions up front to keep ordering stable.',
    ],
    [
      'offset-commit-before-processing',
      'realtime-notifications',
      'Committing before processing is at-most-once: a crash after the commit loses the message.',
    ],
    [
      'offset-commit-before-processing',
      'realtime-notifications',
      'We disable auto-commit and commit manually after processing, because auto-commit can commit offsets before the work is done.',
    ],
    [
      'consumer-parallelism-beyond-partitions',
      'realtime-notifications',
      'Within a consumer group each partition goes to one consumer, so more consumers than partitions just sit idle.',
    ],
    [
      'kafka-pushes-to-consumers',
      'realtime-notifications',
      'Kafka consumers pull records at their own pace, so a slow consumer builds lag instead of being overwhelmed.',
    ],
    ['kafka-pushes-to-consumers', 'chat-system', 'The gateway pushes each message to Kafka, and consumers poll it from there.'],
    [
      'kafka-transaction-undoes-side-effects',
      'realtime-notifications',
      'Kafka transactions only cover what the consumer writes back to Kafka; an aborted transaction cannot undo a push that was already sent.',
    ],
    [
      'snowflake-ids-totally-ordered',
      'chat-system',
      'Snowflake ids are only roughly time-ordered across servers because of clock skew, so we use a per-conversation sequence number.',
    ],
    ['snowflake-ids-totally-ordered', 'chat-system', 'ULIDs are k-sortable but not strictly increasing across machines.'],
    ['wall-clock-ordering', 'chat-system', "Client timestamps can't be trusted because phone clocks are skewed, so they are only displayed."],
    [
      'wall-clock-ordering',
      'chat-system',
      'Server timestamps from different machines drift, so the conversation owner assigns a sequence number and clients sort by it.',
    ],
    ['wall-clock-ordering', 'chat-system', "I'd use a counter per conversation, so everyone sees the same order no matter whose phone clock is off."],
    [
      'cassandra-secondary-index-cheap',
      'chat-system',
      'A Cassandra secondary index is local to each node, so we avoid it and denormalise into a second table.',
    ],
    [
      'partition-by-unique-id',
      'chat-system',
      'Partitioning by message_id would spread writes evenly but make every conversation read a scatter-gather, so we partition by conversation.',
    ],
    [
      'cassandra-auto-increment',
      'chat-system',
      'Cassandra has no auto-increment, so the sequence comes from a conditional update on the conversation row.',
    ],
    ['cassandra-counters-exact', 'chat-system', 'Cassandra counters are not idempotent, so a retried increment can double count.'],
    ['cassandra-weak-quorums-strong', 'chat-system', 'QUORUM writes plus QUORUM reads overlap on RF=3, so reads see the latest write.'],
    ['cassandra-weak-quorums-strong', 'realtime-notifications', 'Cassandra reads at LOCAL_QUORUM are strong only within the local data center.'],
    [
      'cassandra-unbounded-partition',
      'chat-system',
      'Partitions are bucketed by month so a busy conversation does not grow without bound in Cassandra.',
    ],
    ['allow-filtering-is-fine', 'chat-system', 'We avoid ALLOW FILTERING because it scans every node.'],
    [
      'lightweight-transactions-free',
      'chat-system',
      'Lightweight transactions run Paxos and cost several round trips, so we use them only for the sequence counter.',
    ],
    [
      'group-fanout-free',
      'chat-system',
      "A group message is stored once, but delivery still fans out to every member's devices, so 500 members means 500 pushes.",
    ],
    ['group-fanout-free', 'chat-system', 'Publishing to a channel costs O(subscribers), so very large groups use pull.'],
    ['e2e-server-still-reads', 'chat-system', 'E2E encryption would remove server-side search and make multi-device key management the hard part.'],
    ['e2e-server-still-reads', 'chat-system', 'With E2E the server never holds private keys; it only distributes public keys and prekeys.'],
    ['offline-counts-as-delivered', 'chat-system', 'A message is marked delivered only when a device acknowledges it, not when the push is sent.'],
    [
      'presence-always-accurate',
      'realtime-notifications',
      'Presence entries carry a TTL refreshed by heartbeats, because a crashed gateway never removes its entries.',
    ],
    ['presence-always-accurate', 'chat-system', 'Presence is eventually consistent and can be a few seconds stale.'],
    [
      'disconnect-detected-instantly',
      'realtime-notifications',
      'A phone that loses its network leaves a half-open socket, which the server only notices when a heartbeat times out.',
    ],
    ['sse-is-bidirectional', 'realtime-notifications', 'SSE is one-way from server to client; the client sends acks over normal HTTP requests.'],
    ['push-provider-semantics', 'realtime-notifications', 'Silent pushes are throttled by iOS, so they may not wake the app.'],
    [
      'push-provider-semantics',
      'realtime-notifications',
      'Device tokens change on reinstall, so we refresh them on every app start and prune tokens APNs reports as unregistered.',
    ],
    [
      'replicated-memory-is-durable',
      'chat-system',
      'Redis replicates asynchronously, so a message only in Redis can be lost on failover; we ack after the Cassandra write.',
    ],
    [
      'presence-on-every-node',
      'chat-system',
      "Presence lives in a sharded Redis registry, and clients subscribe only to the contacts on screen instead of every gateway knowing every user's status.",
    ],
    [
      'bloom-filter-dedup-exact',
      'chat-system',
      'A Bloom filter can say "maybe seen", so a positive is confirmed against the exact id store before dropping a message.',
    ],
  ] as const)('leaves a correct statement on the topic of %s alone in %s: %j', (_id, questionId, text) => {
    expect(found(questionId, text)).toEqual([]);
  });

  it.each([
    [
      'exactly-once-end-to-end',
      'realtime-notifications',
      'Users must see each payment notification exactly once, so the client dedupes by notification id.',
    ],
    [
      'exactly-once-end-to-end',
      'payment-gateway',
      "Kafka's exactly-once only holds inside Kafka and says nothing about the processor call, which is why idempotency has to go end to end.",
    ],
    [
      'delivery-semantics-swapped',
      'realtime-notifications',
      'At-least-once delivery means nothing is lost but duplicates are possible, so we dedupe.',
    ],
    [
      'delivery-semantics-swapped',
      'realtime-notifications',
      'Payment notifications are at-least-once and deduplicated by the client; marketing ones may be dropped under load.',
    ],
    ['pubsub-is-durable', 'realtime-notifications', 'Redis pub/sub is fire-and-forget, so offline users miss messages; we use a durable inbox.'],
    [
      'batching-lowers-latency',
      'realtime-notifications',
      'Batching raises throughput but adds latency, so security alerts skip batching and use linger.ms of 0.',
    ],
    [
      'batching-lowers-latency',
      'realtime-notifications',
      'Critical alerts use their own topic with no batching, so they are never stuck behind the largest batches of marketing traffic.',
    ],
    ['batching-lowers-latency', 'observability-platform', 'Stream processing gives lower latency than nightly batch jobs.'],
    [
      'websocket-is-stateless',
      'chat-system',
      'Message path: device -> WebSocket -> gateway (stateful, only connections) -> chat service (stateless).',
    ],
    ['websocket-is-stateless', 'chat-system', 'WS gateways + stateless msg svc.'],
    ['ack-before-persist', 'chat-system', 'We ack the sender only after the write to Cassandra succeeds, never from the in-memory buffer.'],
    [
      'ack-before-persist',
      'chat-system',
      'Devices ack receipts immediately, and the gateway batches those delivery receipts in memory before flushing them.',
    ],
    [
      'push-services-guarantee-delivery',
      'realtime-notifications',
      'APNs stores one notification per app until the device comes back, so the push is only a hint to sync.',
    ],
    ['kafka-total-order', 'realtime-notifications', 'Kafka orders only within each partition, so there is no total ordering across the topic.'],
    [
      'tcp-delivers-to-the-app',
      'realtime-notifications',
      'WebSockets run over TCP, but TCP only delivers within a live connection, so the client acks each notification and replays on reconnect.',
    ],
    [
      'consumer-group-broadcasts',
      'realtime-notifications',
      'Each worker in the consumer group gets its own partitions, so every message is processed once per group.',
    ],
    [
      'idempotent-producer-dedups-content',
      'realtime-notifications',
      'The idempotent producer only drops its own retries, so consumers still dedupe by notification id.',
    ],
    [
      'kafka-deletes-consumed',
      'realtime-notifications',
      'Kafka keeps messages for the retention period whether or not they were consumed, which lets us replay.',
    ],
    [
      'clocks-are-synchronised',
      'chat-system',
      'NTP keeps clocks within a few milliseconds, which is not enough to order messages, so we use a sequencer.',
    ],
    ['cassandra-strong-by-default', 'chat-system', 'With QUORUM reads and writes Cassandra gives us read-your-writes for a conversation.'],
    [
      'offset-commit-before-processing',
      'realtime-notifications',
      'Auto-commit lets offsets advance in the background while records are still being processed, so a crash can lose them: we commit by hand.',
    ],
    [
      'ack-before-persist',
      'chat-system',
      'The chat service batches writes to Cassandra every 10 ms and acknowledges the sender after the batch is written.',
    ],
  ] as const)('leaves a correct statement on the topic of %s alone in %s: %j', (_id, questionId, text) => {
    expect(found(questionId, text)).toEqual([]);
  });

  it('adds no bare negation as a phrase, so a negation between the parts of a claim still rejects it', () => {
    // A phrase that is only a negation ("doesn't", "does not", "no") would make every such negation part of a phrase.
    expect(found('chat-system', "Kafka doesn't keep a total order across the whole topic.")).toEqual([]);
    expect(found('chat-system', 'Kafka does not guarantee a total order across the whole topic.')).toEqual([]);
    expect(found('chat-system', 'Kafka no longer keeps a total order across the whole topic.')).toEqual([]);
  });
});
