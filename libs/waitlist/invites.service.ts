import { Inject, Injectable } from '@nestjs/common';
import { AuthService, PasswordHasher, type Principal, type SignedIn, UsersService } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError, NotFoundError } from '#libs/errors';
import { type InviteRow, InvitesRepository } from './invites.repository.js';
import { messages } from './messages.js';
import { OutboxService } from './outbox.service.js';
import { WaitlistService } from './waitlist.service.js';
import type { InviteBatchDto, InviteDto, InviteInput, InviteListQuery, InviteResentDto, RedeemInput, ResendInviteInput } from './waitlist.dto.js';

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
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The next `count` entries by priority, or the named ones; each gets a single-use code by mail. */
  async invite(principal: Principal, dto: InviteInput): Promise<InviteBatchDto> {
    const expiresAt = new Date(Date.now() + dto.expiresInDays * DAY_MS);
    const baseUrl = this.config.mail.publicUrl;
    const codes = new Map<string, string>();
    const done = await this.invites.inviteBatch(
      {
        target: dto.count !== undefined ? { count: dto.count } : { emails: [...new Set(dto.emails)] },
        cohort: dto.cohort,
        expiresAt,
        invitedBy: principal.userId,
      },
      this.waitlist.ranking,
      (email, code) => {
        codes.set(email, code);
        return messages.invite(email, { code, expiresAt, baseUrl });
      },
    );
    await this.outbox.enqueue(done.messageIds);
    return {
      cohort: dto.cohort,
      expiresAt: expiresAt.toISOString(),
      invited: done.invited.map(({ entryId, email }) => ({ entryId, email, ...this.linkFor(codes.get(email)) })),
      skipped: done.skipped,
    };
  }

  async list({ q }: InviteListQuery): Promise<InviteDto[]> {
    const now = Date.now();
    return (await this.invites.list(q)).map((r: InviteRow) => ({
      entryId: r.entry_id,
      email: r.email,
      cohort: r.cohort,
      state: r.redeemed_at ? 'redeemed' : r.expires_at.getTime() <= now ? 'expired' : 'pending',
      createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      redeemedAt: r.redeemed_at?.toISOString() ?? null,
      mail: {
        status: (r.mail_status as InviteDto['mail']['status'] | null) ?? 'none',
        transport: r.transport,
        sentAt: r.sent_at?.toISOString() ?? null,
        lastError: r.last_error,
      },
    }));
  }

  /** A new code and expiry for an invite not yet redeemed (an expired one too), mailed again. */
  async resend(entryId: string, { expiresInDays }: ResendInviteInput): Promise<InviteResentDto> {
    const expiresAt = new Date(Date.now() + expiresInDays * DAY_MS);
    let sentCode: string | undefined;
    const result = await this.invites.resend(entryId, expiresAt, (email, code) => {
      sentCode = code;
      return messages.invite(email, { code, expiresAt, baseUrl: this.config.mail.publicUrl });
    });
    if (result.kind === 'not-found') throw new NotFoundError('no invite for this waitlist entry');
    if (result.kind !== 'ok') throw new DomainError('INVITE_USED', 'this invite has already been redeemed');
    await this.outbox.enqueue([result.messageId]);
    return {
      entryId,
      email: result.email,
      expiresAt: expiresAt.toISOString(),
      delivery: this.config.mail.smtpUrl ? 'smtp' : 'log',
      ...this.linkFor(sentCode),
    };
  }

  /** Without SMTP the mail only reaches the log: the admin is given the link to pass on. */
  private linkFor(code: string | undefined): { link?: string } {
    if (this.config.mail.smtpUrl || !code) return {};
    return { link: `${this.config.mail.publicUrl}/redeem?code=${encodeURIComponent(code)}` };
  }

  /** Creates the candidate account with early access and signs it in. */
  async redeem({ code, password }: RedeemInput): Promise<SignedIn> {
    const passwordHash = await this.hasher.hash(password);
    const result = await this.invites.redeem(code, (email) => this.users.createInvitedCandidate(email, passwordHash));
    switch (result.kind) {
      case 'ok':
        return this.auth.signInAs({ userId: result.userId, role: 'candidate' });
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
