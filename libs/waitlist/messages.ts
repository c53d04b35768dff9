import type { OutboxDraft } from './outbox.repository.js';

/** The words of every message the waitlist sends. Plain text: one template each, no HTML. */
export const messages = {
  welcome(to: string, a: { position: number; referralCode: string; token: string; baseUrl: string }): OutboxDraft {
    return {
      kind: 'waitlist-welcome',
      to,
      subject: `You're on the Mock Interview waitlist (#${a.position})`,
      text: [
        `You're number ${a.position} on the waitlist.`,
        `Check your place any time: ${a.baseUrl}/waitlist/${a.token} (keep this link private).`,
        `Every friend who joins with your code ${a.referralCode} moves you up.`,
      ].join('\n\n'),
    };
  },

  movedUp(to: string, a: { position: number; referrals: number }): OutboxDraft {
    return {
      kind: 'waitlist-moved-up',
      to,
      subject: `You moved up to #${a.position}`,
      text: `Someone joined with your referral code (${a.referrals} so far): you are now number ${a.position} on the waitlist.`,
    };
  },

  invite(to: string, a: { code: string; expiresAt: Date; baseUrl: string }): OutboxDraft {
    return {
      kind: 'invite',
      to,
      subject: 'Your Mock Interview early-access invite',
      text: [
        `You're in. Your invite code: ${a.code}`,
        `Create your account before ${a.expiresAt.toISOString()}: ${a.baseUrl}/redeem?code=${encodeURIComponent(a.code)}`,
        'The code works once.',
      ].join('\n\n'),
    };
  },
};
