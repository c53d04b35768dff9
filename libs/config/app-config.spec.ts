import { ConfigError, loadConfig } from './app-config.js';

describe(loadConfig.name, () => {
  it('gives working developer defaults when nothing is set', () => {
    const sut = loadConfig({});
    expect(sut.port).toBe(3000);
    expect(sut.redis.url).toBe('redis://127.0.0.1:6379');
    expect(sut.database.url).toMatch(/^postgres:\/\/.+127\.0\.0\.1:5432\//);
    expect(sut.llm.provider).toBe('rubric');
    expect(sut.database.migrateOnStart).toBe(true);
    expect(sut.ipRateLimits.trustProxyHops).toBe(0);
    expect(sut.mail.smtpUrl).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['DATABASE_URL', 'not-a-url'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'http://localhost'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['LLM_PROVIDER', 'claude'],
    ['ALLOWED_ORIGINS', 'localhost:3000'],
    ['MIGRATE_ON_START', 'maybe'],
    ['OPENAI_BASE_URL', 'ftp://x'],
    ['SMTP_URL', 'http://mail.example.com'],
    ['TRUST_PROXY', 'yes'],
    ['ROLLOUT_MAX_LIVE_SESSIONS', '-1'],
  ])('refuses %s=%s with a one-line message naming it', (name, value) => {
    const act = () => loadConfig({ [name]: value });
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(new RegExp(`^Invalid configuration: ${name} `));
    try {
      act();
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('refuses the dev JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).env).toBe('production');
  });

  it('keeps sign-ins 30 days by refresh token, with a Secure cookie only behind an https public URL', () => {
    expect(loadConfig({}).auth).toMatchObject({ jwtTtlSeconds: 900, refreshTtlSeconds: 2_592_000, secureCookies: false });
    expect(loadConfig({ REFRESH_TTL_SECONDS: '3600', PUBLIC_URL: 'https://app.example.com' }).auth).toMatchObject({
      refreshTtlSeconds: 3600,
      secureCookies: true,
    });
    expect(() => loadConfig({ REFRESH_TTL_SECONDS: '10' })).toThrow(/^Invalid configuration: REFRESH_TTL_SECONDS must be at least 60/);
  });

  it('needs an API key or a base URL for the openai provider', () => {
    expect(() => loadConfig({ LLM_PROVIDER: 'openai' })).toThrow(/OPENAI_API_KEY/);
    expect(loadConfig({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }).llm.provider).toBe('openai');
  });

  it('requires a whole-tree memory bound for code runs unless rlimits alone are accepted explicitly', () => {
    expect(loadConfig({}).sandbox).toMatchObject({ cgroup: 'auto', memoryBound: 'cgroup', cgroupRoot: '/sys/fs/cgroup' });
    expect(() => loadConfig({ SANDBOX_CGROUP: 'off' })).toThrow(/SANDBOX_MEMORY_BOUND must be rlimits-only when SANDBOX_CGROUP=off/);
    expect(loadConfig({ SANDBOX_CGROUP: 'off', SANDBOX_MEMORY_BOUND: 'rlimits-only' }).sandbox.memoryBound).toBe('rlimits-only');
  });

  it('splits allowed origins', () => {
    const sut = loadConfig({ ALLOWED_ORIGINS: 'https://a.example.com, http://localhost:5173' });
    expect(sut.http.allowedOrigins).toEqual(['https://a.example.com', 'http://localhost:5173']);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', REDIS_URL: 'y' })).toThrow(/PORT .*; REDIS_URL /);
  });
});
