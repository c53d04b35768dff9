import type { AppConfig } from '#libs/config';
import type { Principal, UsersService } from '#libs/auth';
import { DomainError } from '#libs/errors';
import type { AdmissionReader, RolloutLimits, RolloutRepository } from './rollout.repository.js';
import { RolloutService, startOfUtcDay } from './rollout.service.js';

/** The decision alone: the repository's counts are given; the real lock and SQL are covered in test/e2e/rollout.e2e.ts. */
describe(RolloutService.name, () => {
  const candidate: Principal = { userId: 'u1', role: 'candidate' };
  const usage = { live: 0, mine: 0, tokens: 0 };
  let limits: RolloutLimits;
  let earlyAccess: boolean;
  let sut: RolloutService;

  beforeEach(() => {
    Object.assign(usage, { live: 0, mine: 0, tokens: 0 });
    limits = { maxLiveSessions: 3, sessionsPerUserPerDay: 2, dailyTokenBudget: 100 };
    earlyAccess = true;
    const reader: AdmissionReader = {
      liveSessions: async () => usage.live,
      sessionsStartedSince: async () => usage.mine,
      tokensUsedSince: async () => usage.tokens,
    };
    const repo = {
      // As if an admin had saved the test's current `limits`.
      settings: async () => ({ ...limits, updatedBy: 'admin', updatedAt: new Date() }),
      withAdmissionLock: <T>(fn: (r: AdmissionReader) => Promise<T>) => fn(reader),
    } as unknown as RolloutRepository;
    const users = { get: async () => ({ earlyAccess }) } as unknown as UsersService;
    sut = new RolloutService(repo, users, { rollout: { capacityRetryMs: 60_000 } } as unknown as AppConfig);
  });

  const refusal = async (principal = candidate): Promise<DomainError> => {
    const err = await sut.admit(principal, async () => 'started').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  };

  it('starts the session while every limit has room', async () => {
    Object.assign(usage, { live: 2, mine: 1, tokens: 99 });
    await expect(sut.admit(candidate, async () => 'started')).resolves.toBe('started');
  });

  it('refuses a candidate without early access, but not a coach', async () => {
    earlyAccess = false;
    expect((await refusal()).code).toBe('EARLY_ACCESS_REQUIRED');
    await expect(sut.admit({ userId: 'c', role: 'coach' }, async () => 'started')).resolves.toBe('started');
  });

  it('names the limit that is reached, with when to retry', async () => {
    const tomorrow = new Date(startOfUtcDay(new Date()).getTime() + 86_400_000).toISOString();
    usage.live = 3;
    const full = await refusal();
    expect(full.code).toBe('CAPACITY_FULL');
    expect(Date.parse(full.details!.retryAt as string) - Date.now()).toBeGreaterThan(50_000);
    usage.mine = 2;
    expect(await refusal()).toMatchObject({ code: 'DAILY_LIMIT', details: { retryAt: tomorrow, limit: 2 } });
    usage.tokens = 100;
    expect(await refusal()).toMatchObject({ code: 'BUDGET_EXHAUSTED', details: { retryAt: tomorrow } });
  });

  it('treats 0 as no limit', async () => {
    limits = { maxLiveSessions: 0, sessionsPerUserPerDay: 0, dailyTokenBudget: 0 };
    Object.assign(usage, { live: 10_000, mine: 10_000, tokens: 10 ** 9 });
    await expect(sut.admit(candidate, async () => 'started')).resolves.toBe('started');
  });
});
