/** The waitlist api's answers (`libs/waitlist`), shared with the web client (types only). */

/**
 * The same for a new and an already-listed email, so a sign-up never reveals someone else's entry. The place,
 * referral code and private token for `GET /api/waitlist/:token` arrive in the welcome mail.
 */
export interface SignUpDto {
  status: 'received';
}

export interface WaitlistStatusDto {
  status: 'waiting' | 'invited' | 'joined';
  position: number | null;
  referralCode: string;
  referrals: number;
}

export interface WaitlistEntryDto {
  id: string;
  email: string;
  name: string | null;
  targetRole: string | null;
  yearsExperience: number | null;
  signupNumber: number;
  referralCount: number;
  status: 'waiting' | 'invited' | 'joined';
  position: number | null;
  cohort: string | null;
  invitedAt: string | null;
  inviteExpiresAt: string | null;
  redeemedAt: string | null;
  createdAt: string;
}

export interface InviteBatchDto {
  cohort: string;
  expiresAt: string;
  /** `link`: the redeem link, only when no SMTP is configured (the mail goes to the log, so the admin passes it on). */
  invited: { entryId: string; email: string; link?: string }[];
  skipped: { email: string; reason: string }[];
}

/** An invite as the admin sees it: redeemed, expired or pending, and what became of its latest mail. */
export interface InviteDto {
  entryId: string;
  email: string;
  cohort: string;
  state: 'pending' | 'redeemed' | 'expired';
  createdAt: string;
  expiresAt: string;
  redeemedAt: string | null;
  mail: { status: 'pending' | 'sending' | 'sent' | 'failed' | 'none'; transport: string | null; sentAt: string | null; lastError: string | null };
}

/** A re-sent invite: a new code (the old one stops working) and a new expiry; `link` only without SMTP. */
export interface InviteResentDto {
  entryId: string;
  email: string;
  expiresAt: string;
  delivery: 'smtp' | 'log';
  link?: string;
}
