/**
 * What a box on a system-design board is, read from its label. The product names follow the interviewer's
 * component lexicon (libs/interviewer/components.ts: database, queue, cache, store), with the categories a
 * diagram needs beyond what a probe slot fills (clients, load balancers, gateways, services, CDNs, search).
 */
export const COMPONENT_CATEGORIES = [
  'client',
  'cdn',
  'load-balancer',
  'gateway',
  'service',
  'worker',
  'queue',
  'database',
  'cache',
  'object-store',
  'search',
  'unknown',
] as const;
export type ComponentCategory = (typeof COMPONENT_CATEGORIES)[number];

/** Terms by category, lower case, words separated by single spaces (matched on whole words of the label). */
const LEXICON: Record<Exclude<ComponentCategory, 'unknown'>, readonly string[]> = {
  client: [
    'client',
    'clients',
    'browser',
    'web app',
    'mobile',
    'mobile app',
    'ios',
    'android',
    'user',
    'users',
    'frontend',
    'front end',
    'spa',
    'device',
    'devices',
    'dashboard',
    'dashboards',
    'grafana',
  ],
  cdn: ['cdn', 'cloudfront', 'akamai', 'fastly', 'edge cache', 'cloudflare'],
  'load-balancer': ['load balancer', 'load balancers', 'lb', 'alb', 'elb', 'nlb', 'haproxy', 'nginx', 'envoy', 'reverse proxy'],
  gateway: ['api gateway', 'api gateways', 'gateway', 'gateways', 'ingress', 'bff', 'edge service'],
  service: [
    'service',
    'services',
    'api',
    'apis',
    'server',
    'servers',
    'backend',
    'back end',
    'app server',
    'microservice',
    'microservices',
    'web server',
    'websocket server',
    'lambda',
    'function',
  ],
  worker: [
    'worker',
    'workers',
    'consumer',
    'consumers',
    'processor',
    'processors',
    'scheduler',
    'cron',
    'job runner',
    'dispatcher',
    'flink',
    'spark',
    'stream processor',
    // Telemetry pipelines: what collects and ships metrics, logs and traces.
    'collector',
    'collectors',
    'agent',
    'agents',
    'aggregator',
    'aggregators',
    'ingester',
    'ingesters',
    'scraper',
    'scrapers',
    'shipper',
    'fluent bit',
    'fluentd',
    'logstash',
    'sender',
    'senders',
    'mailer',
  ],
  queue: [
    'queue',
    'queues',
    'message queue',
    'message broker',
    'broker',
    'kafka',
    'rabbitmq',
    'rabbit',
    'sqs',
    'sns',
    'kinesis',
    'pulsar',
    'nats',
    'redis streams',
    'redis stream',
    'pubsub',
    'pub sub',
    'event bus',
    'topic',
    'topics',
    'stream',
    'streams',
    'activemq',
    'eventbridge',
  ],
  database: [
    'database',
    'databases',
    'db',
    'dbs',
    'postgres',
    'postgresql',
    'pg',
    'mysql',
    'mariadb',
    'aurora',
    'cassandra',
    'scylla',
    'scylladb',
    'dynamodb',
    'dynamo',
    'mongodb',
    'mongo',
    'cockroachdb',
    'cockroach',
    'spanner',
    'hbase',
    'bigtable',
    'clickhouse',
    'rds',
    'sql',
    'nosql',
    'rdbms',
    'relational database',
    'sql database',
    'timescaledb',
    'influxdb',
    'time series db',
    'tsdb',
    'primary',
    'replica',
    'data warehouse',
    'warehouse',
    'snowflake',
    'bigquery',
    'prometheus',
    'mimir',
    'thanos',
    'cortex',
    'victoriametrics',
    'loki',
    'tempo',
    'jaeger',
    'metrics store',
    'log store',
    'trace store',
  ],
  cache: ['cache', 'caches', 'redis', 'memcached', 'memcache', 'elasticache', 'in memory cache', 'cache layer', 'caching layer'],
  'object-store': [
    's3',
    'gcs',
    'google cloud storage',
    'blob',
    'blob storage',
    'blob store',
    'azure blob',
    'object storage',
    'object store',
    'hdfs',
    'bucket',
    'file storage',
    'minio',
  ],
  search: ['elasticsearch', 'opensearch', 'solr', 'search index', 'search', 'lucene', 'index', 'inverted index'],
};

interface Term {
  category: Exclude<ComponentCategory, 'unknown'>;
  words: string[];
}

const TERMS: readonly Term[] = Object.entries(LEXICON).flatMap(([category, terms]) =>
  terms.map((t) => ({ category: category as Term['category'], words: t.split(' ') })),
);

/** Lower-case words of a label: "Postgres (primary)" → postgres, primary; "Pub/Sub" → pub, sub; "API-Gateway" → api, gateway. */
export function labelWords(label: string): string[] {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export interface Classification {
  category: ComponentCategory;
  /** The label's words that decided it ("api gateway"); absent for `unknown`. */
  matched?: string;
}

/**
 * The category of a label. The longest matching term wins ("API Gateway" is a gateway, not an API; "Redis
 * Streams" a queue, not a cache); between terms of one length, the later one in the label, its head noun
 * ("Kafka consumer" is a worker, "Notification service" a service).
 */
export function classifyLabel(label: string): Classification {
  const words = labelWords(label);
  let best: { term: Term; at: number } | null = null;
  for (const term of TERMS) {
    const at = lastIndexOf(words, term.words);
    if (at < 0) continue;
    if (!best || term.words.length > best.term.words.length || (term.words.length === best.term.words.length && at > best.at)) {
      best = { term, at };
    }
  }
  return best ? { category: best.term.category, matched: best.term.words.join(' ') } : { category: 'unknown' };
}

function lastIndexOf(words: readonly string[], term: readonly string[]): number {
  for (let i = words.length - term.length; i >= 0; i--) {
    if (term.every((w, j) => words[i + j] === w)) return i;
  }
  return -1;
}
