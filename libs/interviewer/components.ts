import type { ProbeSlot } from '#libs/content';
import type { DiagramElementRef, DiagramFinding } from '#libs/diagram';
import { occurrences, stems } from './text-match.js';

/**
 * Products a candidate may name, by the slot a probe can fill with them. The display name is how an
 * interviewer would say it back ("You have the API writing straight to MySQL…").
 */
const PRODUCTS: Record<ProbeSlot, readonly (readonly [display: string, ...terms: string[]])[]> = {
  database: [
    ['PostgreSQL', 'postgres', 'postgresql', 'pg'],
    ['MySQL', 'mysql', 'mariadb', 'aurora'],
    ['Cassandra', 'cassandra', 'scylla', 'scylladb'],
    ['DynamoDB', 'dynamodb', 'dynamo'],
    ['MongoDB', 'mongodb', 'mongo'],
    ['CockroachDB', 'cockroachdb', 'cockroach'],
    ['Spanner', 'spanner'],
    ['HBase', 'hbase', 'bigtable'],
    ['ClickHouse', 'clickhouse'],
    ['Elasticsearch', 'elasticsearch', 'opensearch'],
    ['the relational database', 'sql database', 'relational database', 'rdbms'],
  ],
  queue: [
    ['Kafka', 'kafka'],
    ['RabbitMQ', 'rabbitmq', 'rabbit'],
    ['SQS', 'sqs'],
    ['Kinesis', 'kinesis'],
    ['Pulsar', 'pulsar'],
    ['NATS', 'nats'],
    ['Redis Streams', 'redis streams', 'redis stream'],
    ['Pub/Sub', 'pubsub', 'google pub sub'],
    ['the message queue', 'message queue', 'message broker'],
  ],
  cache: [
    ['Redis', 'redis'],
    ['Memcached', 'memcached', 'memcache'],
    ['the CDN', 'cdn', 'cloudfront', 'akamai', 'fastly'],
    ['the cache', 'cache layer', 'caching layer', 'in memory cache'],
  ],
  store: [
    ['S3', 's3'],
    ['GCS', 'gcs', 'google cloud storage'],
    ['blob storage', 'blob storage', 'azure blob'],
    ['HDFS', 'hdfs'],
    ['object storage', 'object storage', 'object store'],
  ],
  protocol: [
    ['WebSockets', 'websocket', 'websockets', 'web socket'],
    ['Server-Sent Events', 'server sent events', 'sse'],
    ['long polling', 'long polling', 'long poll'],
    ['gRPC', 'grpc'],
    ['MQTT', 'mqtt'],
    ['polling', 'polling', 'poll'],
  ],
};

const COMPILED = Object.fromEntries(
  Object.entries(PRODUCTS).map(([slot, products]) => [slot, products.map(([display, ...terms]) => ({ display, terms: terms.map(stems) }))]),
) as Record<ProbeSlot, { display: string; terms: string[][] }[]>;

/**
 * The product the candidate named for each slot: the one named most recently wins (the design as it stands
 * now, not the first idea). `words` are the stems of the candidate's turns, oldest first.
 */
export function namedComponents(words: readonly string[]): Partial<Record<ProbeSlot, string>> {
  const named: Partial<Record<ProbeSlot, string>> = {};
  for (const slot of Object.keys(COMPILED) as ProbeSlot[]) {
    let best = -1;
    for (const product of COMPILED[slot]) {
      for (const term of product.terms) {
        const last = occurrences(words, term).at(-1);
        if (last !== undefined && last > best) {
          best = last;
          named[slot] = product.display;
        }
      }
    }
  }
  return named;
}

/** The probe text with its slots filled, or null when the candidate never named what a slot needs. */
export function fillSlots(text: string, named: Partial<Record<ProbeSlot, string>>): string | null {
  let missing = false;
  const filled = text.replace(/\{([a-z]+)\}/g, (_, slot: string) => {
    const value = named[slot as ProbeSlot];
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? null : filled;
}

/** A box's label as the interviewer says it back: whitespace folded, a long label cut at a word. */
const MAX_LABEL = 40;
function spoken(ref: DiagramElementRef): string {
  // Braces would read as slots to fill: a label is said as words only.
  const label = (ref.label ?? '').replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
  if (!label) return `the ${ref.category && ref.category !== 'unknown' ? ref.category.replace('-', ' ') : 'box'}`;
  if (label.length <= MAX_LABEL) return label;
  const cut = label.lastIndexOf(' ', MAX_LABEL);
  return `${label.slice(0, cut > 10 ? cut : MAX_LABEL)}…`;
}

/** A board probe's `{from}` and `{to}` filled with the labels of the two boxes the finding is anchored on. */
export function fillBoardSlots(text: string, finding: Pick<DiagramFinding, 'from' | 'to'>): string {
  return text.replace(/\{(from|to)\}/g, (_, slot: 'from' | 'to') => spoken(finding[slot]));
}
