import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { NotFoundError } from '#libs/errors';
import { messages } from './messages.js';
import { OutboxService } from './outbox.service.js';
import type { Ranking } from './ranking.js';
import { type EntryRow, WaitlistEntriesRepository } from './waitlist-entries.repository.js';
import {
  type ListWaitlistQuery,
  type SignUpDto,
  type SignUpInput,
  type WaitlistPageDto,
  type WaitlistStatusDto,
  waitlistTokenSchema,
} from './waitlist.dto.js';

/** Sign-ups, referrals and where everyone stands. */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly entries: WaitlistEntriesRepository,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ranking(): Ranking {
    return { boost: this.config.waitlist.referralBoost, cap: this.config.waitlist.referralCap };
  }

  /**
   * Signing up again with the same (normalised) email keeps the one entry. The answer is the same for a new and
   * a taken email, so knowing an email tells nothing about its entry: the owner gets the position, referral code
   * and private status link by mail (the welcome message, sent once, when the entry is created).
   */
  async signUp(dto: SignUpInput): Promise<SignUpDto> {
    const baseUrl = this.config.mail.publicUrl;
    const done = await this.entries.signUp(dto, this.ranking, {
      welcome: (entry, position, token) => messages.welcome(entry.email, { position, token, referralCode: entry.referral_code, baseUrl }),
      movedUp: (referrer, position) => messages.movedUp(referrer.email, { position, referrals: referrer.referral_count }),
    });
    await this.outbox.enqueue(done.messageIds);
    return { status: 'received' };
  }

  async status(token: string): Promise<WaitlistStatusDto> {
    const found = waitlistTokenSchema.safeParse(token).success ? await this.entries.findByToken(token, this.ranking) : null;
    if (!found) throw new NotFoundError('no waitlist entry for this token');
    const { entry, position } = found;
    return { status: entry.status, position, referralCode: entry.referral_code, referrals: entry.referral_count };
  }

  async list(query: ListWaitlistQuery): Promise<WaitlistPageDto> {
    const { total, rows } = await this.entries.list(query, this.ranking);
    return {
      total,
      entries: rows.map((r) => ({
        ...toEntryFields(r),
        position: r.position,
        cohort: r.cohort,
        invitedAt: r.invited_at?.toISOString() ?? null,
        inviteExpiresAt: r.expires_at?.toISOString() ?? null,
        redeemedAt: r.redeemed_at?.toISOString() ?? null,
      })),
    };
  }
}

function toEntryFields(r: EntryRow) {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    targetRole: r.target_role,
    yearsExperience: r.years_experience,
    signupNumber: r.signup_number,
    referralCount: r.referral_count,
    status: r.status,
    createdAt: r.created_at.toISOString(),
  };
}
