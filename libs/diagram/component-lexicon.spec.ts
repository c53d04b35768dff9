import { classifyLabel } from './component-lexicon.js';

describe(classifyLabel.name, () => {
  it.each([
    ['Kafka', 'queue'],
    ['RabbitMQ', 'queue'],
    ['SQS', 'queue'],
    ['Redis Streams', 'queue'],
    ['Postgres (primary)', 'database'],
    ['MySQL', 'database'],
    ['Cassandra ring', 'database'],
    ['DynamoDB', 'database'],
    ['Redis', 'cache'],
    ['Memcached', 'cache'],
    ['Load Balancer', 'load-balancer'],
    ['ALB', 'load-balancer'],
    ['CDN', 'cdn'],
    ['CloudFront', 'cdn'],
    ['API Gateway', 'gateway'],
    ['Notification service', 'service'],
    ['API', 'service'],
    ['Kafka consumer', 'worker'],
    ['Web browser', 'client'],
    ['Mobile app', 'client'],
    ['S3', 'object-store'],
    ['Blob storage', 'object-store'],
    ['Elasticsearch', 'search'],
    ['Search index', 'search'],
    ['WebSocket gateways', 'gateway'],
    ['OTel collector', 'worker'],
    ['Email sender', 'worker'],
    ['Prometheus', 'database'],
    ['Grafana', 'client'],
    ['Something else', 'unknown'],
    ['', 'unknown'],
  ])('reads %j as %s', (label, category) => {
    expect(classifyLabel(label).category).toBe(category);
  });

  it('says which words decided, the longest term first', () => {
    expect(classifyLabel('API-Gateway (edge)')).toEqual({ category: 'gateway', matched: 'api gateway' });
    expect(classifyLabel('user-db')).toEqual({ category: 'database', matched: 'db' });
  });
});
