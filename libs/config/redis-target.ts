/** One node of a Redis Cluster, as a seed to discover the rest from. */
export interface RedisNode {
  host: string;
  port: number;
}

/**
 * Where Redis is: one server (`redis://`, `rediss://`: ioredis takes the URL as it is), or a Redis Cluster
 * reached through seed nodes (`redis+cluster://[user:password@]h1:p1,h2:p2`, `rediss+cluster://` for TLS, or
 * REDIS_CLUSTER_NODES). On a cluster the service hash-tags its queue prefixes and uses sharded pub/sub.
 */
export type RedisTarget =
  { kind: 'single'; url: string } | { kind: 'cluster'; nodes: RedisNode[]; username?: string; password?: string; tls: boolean };

const SINGLE = /^rediss?:\/\//;
const CLUSTER = /^(rediss?)\+cluster:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#@]+)\/?$/;
const NODE = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/** Parses `host:port,host:port` (IPv6 in brackets); null when any entry is not one. */
export function parseRedisNodes(list: string): RedisNode[] | null {
  const nodes: RedisNode[] = [];
  for (const entry of list.split(',').map((e) => e.trim())) {
    const m = NODE.exec(entry);
    const port = Number(m?.[2]);
    if (!m || port < 1 || port > 65_535) return null;
    nodes.push({ host: m[1]!.replace(/^\[|\]$/g, ''), port });
  }
  return nodes.length > 0 ? nodes : null;
}

/**
 * The Redis the service talks to, from REDIS_URL and REDIS_CLUSTER_NODES (which names cluster seeds and wins over a
 * plain REDIS_URL). Null when REDIS_URL is neither a `redis[s]://` URL nor a well-formed cluster URL.
 */
export function parseRedisTarget(url: string, clusterNodes?: string): RedisTarget | null {
  if (clusterNodes !== undefined) {
    const nodes = parseRedisNodes(clusterNodes);
    return nodes ? { kind: 'cluster', nodes, tls: false } : null;
  }
  const cluster = CLUSTER.exec(url);
  if (cluster) {
    const nodes = parseRedisNodes(cluster[4]!);
    if (!nodes) return null;
    const decode = (v: string | undefined) => (v ? decodeURIComponent(v) : undefined);
    return { kind: 'cluster', nodes, username: decode(cluster[2]), password: decode(cluster[3]), tls: cluster[1] === 'rediss' };
  }
  if (!SINGLE.test(url)) return null;
  try {
    new URL(url);
  } catch {
    return null;
  }
  return { kind: 'single', url };
}
