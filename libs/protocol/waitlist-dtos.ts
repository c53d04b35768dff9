/** The waitlist api's answers (`libs/waitlist`), shared with the web client (types only). */

export interface SignUpDto {
  status: 'waiting' | 'invited' | 'joined';
  /** Place among those still waiting; null once invited. */
  position: number | null;
  referralCode: string;
  /** The private token for `GET /api/waitlist/:token`: only in the answer that created the entry (and its welcome mail). */
  token: string | null;
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
