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
  invited: { entryId: string; email: string }[];
  skipped: { email: string; reason: string }[];
}
