// What the token-version check adds to every authenticated request (issue 17 point 6): AuthService.verify with the
// version read from the Redis cache (the usual case), and with the cache off (a Postgres read every time), against
// the signature check alone. In-process on the built api's module graph, sequential, after a warm-up.
// Usage: node scripts/ensure-build.mjs && node bench/token-version.mjs [N]
import { JwtService } from '@nestjs/jwt';
import { loadavg, cpus } from 'node:os';
import { createApiApp } from '../dist/apps/api/create-api-app.js';
import { AuthService, UsersService } from '../dist/libs/auth/index.js';
import { loadConfig } from '../dist/libs/config/index.js';
import { createDatabase, runMigrations } from '../dist/libs/db/index.js';
import { createLogger } from '../dist/libs/logging/index.js';

const N = Number(process.argv[2] ?? 20_000);
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `mock_interview_bench_${process.pid}_${Date.now()}`;
const DATABASE_URL = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();

async function time(label, fn) {
  for (let i = 0; i < 500; i++) await fn(); // warm-up (and fills the cache)
  const samples = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  samples.sort();
  const mean = samples.reduce((a, b) => a + b, 0) / N;
  const row = { label, meanUs: mean.toFixed(1), p50Us: samples[N >> 1].toFixed(1), p99Us: samples[Math.floor(N * 0.99)].toFixed(1) };
  console.log(JSON.stringify(row));
  return mean;
}

async function run(cacheMs) {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL,
    PORT: '0',
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'silent',
    TOKEN_VERSION_CACHE_MS: String(cacheMs),
  });
  const app = await createApiApp(config, createLogger('bench', 'silent'));
  await app.init();
  try {
    const user = await app
      .get(UsersService)
      .create({ email: `bench-${cacheMs}-${Date.now()}@example.test`, password: 'bench-password-123', role: 'admin' });
    const auth = app.get(AuthService);
    const jwt = app.get(JwtService, { strict: false });
    const { accessToken } = await auth.issueToken({ userId: user.id, role: user.role });
    const base = await time('signature only (jwt.verifyAsync)', () => jwt.verifyAsync(accessToken, { algorithms: ['HS256'] }));
    const full = await time(`AuthService.verify, TOKEN_VERSION_CACHE_MS=${cacheMs}`, () => auth.verify(accessToken));
    console.log(`  added per request: ${(full - base).toFixed(1)} µs (mean)`);
  } finally {
    await app.close();
  }
}

await createDatabase(ADMIN_URL, dbName);
await runMigrations(DATABASE_URL);
console.log(
  `node ${process.version}, ${cpus()[0]?.model} ×${cpus().length}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, N=${N}`,
);
try {
  await run(5_000);
  await run(0);
} finally {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).finally(() => admin.end());
}
