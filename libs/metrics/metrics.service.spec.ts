import { isPrivateAddress } from './metrics-endpoint.js';
import { MetricsService } from './metrics.service.js';

describe(MetricsService.name, () => {
  it('counts a refusal as a rate limit or a rollout refusal by its code, and nothing else', async () => {
    const sut = new MetricsService();
    for (const code of ['RATE_LIMITED', 'DAILY_LIMIT', 'CAPACITY_FULL', 'SESSION_NOT_FOUND', 'UNAUTHENTICATED']) sut.refused('http', code);
    sut.refused('socket', 'RATE_LIMITED');
    const text = (await sut.exposition()).body;
    expect(text).toContain('mi_rate_limit_refusals_total{code="RATE_LIMITED",transport="http"} 1');
    expect(text).toContain('mi_rate_limit_refusals_total{code="RATE_LIMITED",transport="socket"} 1');
    expect(text).toContain('mi_rollout_refusals_total{code="DAILY_LIMIT"} 1');
    expect(text).toContain('mi_rollout_refusals_total{code="CAPACITY_FULL"} 1');
    expect(text).not.toMatch(/SESSION_NOT_FOUND|UNAUTHENTICATED/);
  });

  it('reads queue counts at scrape time from every source, leaving out one that fails', async () => {
    const sut = new MetricsService();
    let waiting = 1;
    sut.watchQueues(async () => [{ queue: 'grading', counts: { waiting: waiting++, active: 0, delayed: 2, failed: 0 } }]);
    sut.watchQueues(() => Promise.reject(new Error('Redis is away')));
    expect((await sut.exposition()).body).toContain('mi_queue_jobs{queue="grading",state="waiting"} 1');
    expect((await sut.exposition()).body).toContain('mi_queue_jobs{queue="grading",state="waiting"} 2');
  });

  it('keeps one registry per instance (apps in one process never share samples)', async () => {
    const a = new MetricsService();
    const b = new MetricsService();
    a.reconcilerRepairs({ gradings: 0, codeRuns: 2 });
    expect((await a.exposition()).body).toContain('mi_reconciler_repairs_total{kind="code_runs"} 2');
    expect((await b.exposition()).body).not.toContain('mi_reconciler_repairs_total{');
  });
});

describe(isPrivateAddress.name, () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.9', true],
    ['192.168.1.1', true],
    ['fd00::1', true],
    ['172.32.0.1', false],
    ['203.0.113.7', false],
    ['::ffff:8.8.8.8', false],
    ['2001:db8::1', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
