import { loadConfig } from './app-config.js';
import { parseRedisTarget } from './redis-target.js';

describe(parseRedisTarget.name, () => {
  it('keeps a single-server URL as it is', () => {
    expect(parseRedisTarget('rediss://:pw@cache.example.com:6380/2')).toEqual({ kind: 'single', url: 'rediss://:pw@cache.example.com:6380/2' });
  });

  it('reads a cluster URL into seed nodes, credentials and TLS', () => {
    expect(parseRedisTarget('rediss+cluster://app:p%40ss@10.0.0.1:7001,[::1]:7002,redis-2.internal:7003/')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7001 },
        { host: '::1', port: 7002 },
        { host: 'redis-2.internal', port: 7003 },
      ],
      username: 'app',
      password: 'p@ss',
      tls: true,
    });
  });

  it('takes REDIS_CLUSTER_NODES over a plain REDIS_URL', () => {
    expect(parseRedisTarget('redis://127.0.0.1:6379', '127.0.0.1:7001, 127.0.0.1:7002')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '127.0.0.1', port: 7001 },
        { host: '127.0.0.1', port: 7002 },
      ],
      tls: false,
    });
  });

  it.each(['http://127.0.0.1', 'redis+cluster://', 'redis+cluster://h1:7001,h2', 'redis+cluster://h1:99999', 'redis+cluster://h1:7001/0'])(
    'refuses %s',
    (url) => {
      expect(parseRedisTarget(url)).toBeNull();
    },
  );
});

describe(`${loadConfig.name} (Redis)`, () => {
  it('parses the Redis target once, at start-up', () => {
    const sut = loadConfig({ REDIS_URL: 'redis+cluster://127.0.0.1:7001,127.0.0.1:7002' });
    expect(sut.redis.target).toMatchObject({ kind: 'cluster', nodes: [{ port: 7001 }, { port: 7002 }] });
    expect(loadConfig({}).redis.target).toEqual({ kind: 'single', url: 'redis://127.0.0.1:6379' });
  });

  it('names a bad cluster setting', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'h1' })).toThrow(
      /^Invalid configuration: REDIS_CLUSTER_NODES must be a comma-separated list of host:port/,
    );
    expect(() => loadConfig({ REDIS_URL: 'redis+cluster://h1:1', REDIS_CLUSTER_NODES: 'h2:2' })).toThrow(
      /REDIS_CLUSTER_NODES must not be set together/,
    );
  });
});
