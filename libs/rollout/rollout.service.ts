import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { type Principal, UsersService } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError } from '#libs/errors';
import type { RolloutSettingsDto, RolloutStatusDto } from '#libs/protocol';
import { type AdmissionReader, type RolloutLimits, RolloutRepository } from './rollout.repository.js';

export const rolloutLimitsSchema = z
  .object({
    maxLiveSessions: z.number().int().min(0).max(1_000_000),
    sessionsPerUserPerDay: z.number().int().min(0).max(10_000),
    dailyTokenBudget: z.number().int().min(0).max(1_000_000_000_000),
  })
  .strict();

export type RolloutLimitsInput = z.infer<typeof rolloutLimitsSchema>;
export type { RolloutSettingsDto, RolloutStatusDto };

/** The gate in front of every new session: early access, capacity, per-user daily quota and the LLM budget. */
@Injectable()
export class RolloutService {
  constructor(
    private readonly repo: RolloutRepository,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts a session through `start` if the rollout admits it, else refuses with `CAPACITY_FULL`,
   * `DAILY_LIMIT` or `BUDGET_EXHAUSTED` and a `retryAt`. Only new sessions pass here: running ones are never
   * cut off. Admissions are serialised, so concurrent starts cannot together overshoot a limit.
   */
  async admit<T>(principal: Principal, start: () => Promise<T>): Promise<T> {
    if (principal.role === 'candidate' && !(await this.users.get(principal.userId)).earlyAccess) {
      throw new DomainError('EARLY_ACCESS_REQUIRED', 'sessions are open to early-access members only; join the waitlist for an invite');
    }
    const limits = await this.limits();
    return this.repo.withAdmissionLock(async (reader) => {
      await this.check(principal.userId, limits, reader, new Date());
      return start();
    });
  }

  async status(): Promise<RolloutStatusDto> {
    const settings = await this.settings();
    return this.repo.withAdmissionLock(async (reader) => {
      const day = startOfUtcDay(new Date());
      const [liveSessions, tokensToday] = await Promise.all([reader.liveSessions(), reader.tokensUsedSince(day)]);
      return { settings, usage: { liveSessions, tokensToday, day: day.toISOString().slice(0, 10) } };
    });
  }

  async update(principal: Principal, limits: RolloutLimitsInput): Promise<RolloutSettingsDto> {
    const saved = await this.repo.saveSettings(limits, principal.userId);
    return { ...pickLimits(saved), source: 'admin', updatedBy: saved.updatedBy, updatedAt: saved.updatedAt.toISOString() };
  }

  private async settings(): Promise<RolloutSettingsDto> {
    const saved = await this.repo.settings();
    if (saved) return { ...pickLimits(saved), source: 'admin', updatedBy: saved.updatedBy, updatedAt: saved.updatedAt.toISOString() };
    return { ...pickLimits(this.config.rollout), source: 'config', updatedBy: null, updatedAt: null };
  }

  private async limits(): Promise<RolloutLimits> {
    return pickLimits(await this.settings());
  }

  private async check(userId: string, limits: RolloutLimits, reader: AdmissionReader, now: Date): Promise<void> {
    const day = startOfUtcDay(now);
    const tomorrow = new Date(day.getTime() + 86_400_000).toISOString();
    if (limits.dailyTokenBudget > 0) {
      const used = await reader.tokensUsedSince(day);
      if (used >= limits.dailyTokenBudget) {
        throw new DomainError('BUDGET_EXHAUSTED', "today's grading budget is spent; new sessions open again tomorrow (UTC)", { retryAt: tomorrow });
      }
    }
    if (limits.sessionsPerUserPerDay > 0) {
      const started = await reader.sessionsStartedSince(userId, day);
      if (started >= limits.sessionsPerUserPerDay) {
        throw new DomainError('DAILY_LIMIT', `you have started ${started} sessions today, the daily maximum; try again tomorrow (UTC)`, {
          limit: limits.sessionsPerUserPerDay,
          retryAt: tomorrow,
        });
      }
    }
    if (limits.maxLiveSessions > 0) {
      const live = await reader.liveSessions();
      if (live >= limits.maxLiveSessions) {
        throw new DomainError('CAPACITY_FULL', 'all interview slots are taken right now; try again in a few minutes', {
          retryAt: new Date(now.getTime() + this.config.rollout.capacityRetryMs).toISOString(),
        });
      }
    }
  }
}

function pickLimits(l: RolloutLimits): RolloutLimits {
  return { maxLiveSessions: l.maxLiveSessions, sessionsPerUserPerDay: l.sessionsPerUserPerDay, dailyTokenBudget: l.dailyTokenBudget };
}

export function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
