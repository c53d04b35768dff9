import { loadConfig } from '#libs/config';
import { queuePrefix } from './queue-prefix.js';

describe(queuePrefix.name, () => {
  it('hash-tags each queue on a Redis Cluster, so all its keys share one slot', () => {
    const config = loadConfig({ REDIS_URL: 'redis+cluster://127.0.0.1:7001,127.0.0.1:7002', QUEUE_PREFIX: 'mi' });
    expect(queuePrefix(config, 'grading')).toBe('{mi:grading}');
    expect(queuePrefix(config, 'code')).toBe('{mi:code}');
  });

  it('keeps QUEUE_PREFIX as it is on one Redis', () => {
    expect(queuePrefix(loadConfig({ QUEUE_PREFIX: 'mi' }), 'grading')).toBe('mi');
  });
});
