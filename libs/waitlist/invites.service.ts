import { Inject, Injectable } from '@nestjs/common';
import { type AccessTokenDto, AuthService, PasswordHasher, type Principal } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError, parsePayload } from '#libs/errors';
import { InvitesRepository } from './invites.repository.js';
import { messages } from './messages.js';
import { OutboxService } from './outbox.service.js';
import { WaitlistService } from './waitlist.service.js';
import { type InviteBatchDto, inviteSchema, redeemSchema } from './waitlist.dto.js';

const DAY_MS = 86_400_000;

/** Cohorts of invites, and turning an invite into an early-access account. */
@Injectable()
export class InvitesService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly waitlist: WaitlistService,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The next `count` entries by priority, or the named ones; each gets a single-use code by mail. */
  async invite(principal: Principal, input: unknown): Promise<InviteBatchDto> {
    const dto = parsePayload(inviteSchema, input);
    const expiresAt = new Date(Date.now() + dto.expiresInDays * DAY_MS);
    const baseUrl = this.config.mail.publicUrl;
    const done = await this.invites.inviteBatch(
      {
        target: dto.count !== undefined ? { count: dto.count } : { emails: [...new Set(dto.emails)] },
        cohort: dto.cohort,
        expiresAt,
        invitedBy: principal.userId,
      },
      this.waitlist.ranking,
      (email, code) => messages.invite(email, { code, expiresAt, baseUrl }),
    );
    await this.outbox.enqueue(done.messageIds);
    return {
      cohort: dto.cohort,
      expiresAt: expiresAt.toISOString(),
      invited: done.invited.map(({ entryId, email }) => ({ entryId, email })),
      skipped: done.skipped,
    };
  }

  /** Creates the candidate account with early access and logs it in. */
  async redeem(input: unknown): Promise<AccessTokenDto> {
    const { code, password } = parsePayload(redeemSchema, input);
    const passwordHash = await this.hasher.hash(password);
    const result = await this.invites.redeem(code, passwordHash);
    switch (result.kind) {
      case 'ok':
        return this.auth.issueToken({ userId: result.userId, role: 'candidate' });
      case 'invalid':
        throw new DomainError('INVITE_INVALID', 'this invite code does not exist; check it against your invite');
      case 'used':
        throw new DomainError('INVITE_USED', 'this invite code has already been used; log in instead');
      case 'expired':
        throw new DomainError('INVITE_EXPIRED', 'this invite code has expired; ask for a new invite');
      case 'email-taken':
        throw new DomainError('CONFLICT', 'an account with this email already exists; log in instead');
    }
  }
}
