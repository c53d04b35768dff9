import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What running behind PgBouncer (transaction mode) and on a Redis Cluster forbids, checked on the source: state
 * that outlives a transaction (a transaction may run on any server connection), and Redis commands that name
 * several keys (a cluster refuses keys of different slots in one command) or the whole keyspace.
 */
const RULES: Array<{ rule: string; pattern: RegExp }> = [
  { rule: 'session advisory lock (use pg_advisory_xact_lock)', pattern: /pg_(try_)?advisory_lock(_shared)?\s*\(/i },
  { rule: 'session SET (use SET LOCAL or a pooler-side setting)', pattern: /[`'"]\s*SET\s+(?!LOCAL\b)(SESSION\s+)?[a-z_.]+\s*(=|TO\b)/i },
  { rule: 'session set_config (its third argument must be true)', pattern: /set_config\s*\([^)]*,\s*false\s*\)/i },
  { rule: 'LISTEN/UNLISTEN (needs a session)', pattern: /[`'"]\s*(UN)?LISTEN\s/i },
  { rule: 'temporary table (lives in the session)', pattern: /CREATE\s+(LOCAL\s+)?TEMP(ORARY)?\s+TABLE/i },
  { rule: 'cursor WITH HOLD (outlives its transaction)', pattern: /WITH\s+HOLD/i },
  { rule: 'named prepared statement (lives in the session)', pattern: /\bname:\s*[^,}]+,\s*text:|[`'"]\s*PREPARE\s+\w+/i },
  {
    rule: 'Redis command over several keys',
    pattern: /\.(mget|mset|msetnx|sunionstore|sinterstore|sdiffstore|zunionstore|zinterstore|rename|renamenx|smove|lmove|rpoplpush)\s*\(/,
  },
  { rule: 'Redis DEL/UNLINK/EXISTS of a key list', pattern: /\.(del|unlink|exists)\s*\(\s*\.\.\./ },
  { rule: 'Redis KEYS/SCAN (one node of a cluster only)', pattern: /\.(keys|scan|scanStream)\s*\(\s*[`'"]/ },
  { rule: 'Redis EVAL of more than one key', pattern: /\.eval(sha)?\s*\(\s*[^,]+,\s*([2-9]|\d{2,})\s*,/ },
];

function findings(source: string): string[] {
  return RULES.filter(({ pattern }) => pattern.test(source)).map(({ rule }) => rule);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || path === join('apps', 'web') ? [] : sources(path);
    return /\.ts$/.test(e.name) && !/\.spec\.ts$/.test(e.name) ? [path] : [];
  });
}

describe('scale-out safety (PgBouncer transaction mode, Redis Cluster)', () => {
  it.each([
    ['SELECT pg_advisory_lock($1)', 'session advisory lock (use pg_advisory_xact_lock)'],
    ['await m.query(`SET statement_timeout = 5000`)', 'session SET (use SET LOCAL or a pooler-side setting)'],
    ["db.query('SET search_path TO app')", 'session SET (use SET LOCAL or a pooler-side setting)'],
    ["SELECT set_config('app.user', $1, false)", 'session set_config (its third argument must be true)'],
    ["client.query('LISTEN session_events')", 'LISTEN/UNLISTEN (needs a session)'],
    ['CREATE TEMP TABLE t (id int)', 'temporary table (lives in the session)'],
    ["client.query({ name: 'next-seq', text: 'SELECT 1' })", 'named prepared statement (lives in the session)'],
    ['await redis.mget(a, b)', 'Redis command over several keys'],
    ['await redis.del(...keys)', 'Redis DEL/UNLINK/EXISTS of a key list'],
    ["await redis.keys('mi:*')", 'Redis KEYS/SCAN (one node of a cluster only)'],
    ['await redis.eval(SCRIPT, 2, a, b)', 'Redis EVAL of more than one key'],
  ])('flags %s', (code, rule) => {
    expect(findings(code)).toContain(rule);
  });

  it.each([
    'SELECT pg_advisory_xact_lock($1)',
    "m.query(`UPDATE sessions SET status = 'ended' WHERE id = $1`)",
    "m.query('SET LOCAL statement_timeout = 1000')",
    'await redis.eval(ATTEMPT, 1, key, now)',
    'await redis.del(this.key(userId))',
  ])('lets %s pass', (code) => {
    expect(findings(code)).toEqual([]);
  });

  it('finds none of it in the service (libs/, apps/)', () => {
    const found = [...sources('libs'), ...sources('apps')].flatMap((file) => findings(readFileSync(file, 'utf8')).map((rule) => `${file}: ${rule}`));
    expect(found).toEqual([]);
  });
});
