import { z } from 'zod';
import { createUserSchema, emailSchema } from '#libs/auth';
import { freeText } from '#libs/protocol';

const optionalText = (max: number) => freeText().trim().min(1, 'must not be empty').max(max).optional();

export const signUpSchema = z
  .object({
    email: emailSchema,
    name: optionalText(100),
    targetRole: optionalText(100),
    yearsExperience: z.number().int().min(0).max(80).optional(),
    referralCode: freeText().trim().max(32).optional(),
  })
  .strict();

export const waitlistTokenSchema = z.string().regex(/^[\w-]{20,100}$/, 'is not a waitlist token');

export const inviteSchema = z
  .object({
    count: z.number().int().min(1).max(1_000).optional(),
    emails: z.array(emailSchema).min(1).max(1_000).optional(),
    cohort: freeText().trim().min(1).max(64),
    expiresInDays: z.number().int().min(1).max(90),
  })
  .strict()
  .refine((v) => (v.count === undefined) !== (v.emails === undefined), { message: 'give either count or emails', path: ['count'] });

export const listWaitlistSchema = z
  .object({
    status: z.enum(['waiting', 'invited', 'joined']).optional(),
    q: freeText().trim().min(1).max(100).optional(),
    cohort: freeText().trim().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const redeemSchema = z.object({ code: freeText().trim().min(1).max(64), password: createUserSchema.shape.password }).strict();

const resendInviteSchema = z.object({ expiresInDays: z.number().int().min(1).max(90).default(14) }).strict();
/** The body is optional: none means the defaults. */
export const resendInviteBodySchema = z.preprocess((body) => body ?? {}, resendInviteSchema);

export const inviteListSchema = z.object({ q: freeText().trim().min(1).max(100).optional() }).strict();

export type SignUpInput = z.output<typeof signUpSchema>;
export type InviteInput = z.output<typeof inviteSchema>;
export type ListWaitlistQuery = z.output<typeof listWaitlistSchema>;
export type RedeemInput = z.output<typeof redeemSchema>;
export type ResendInviteInput = z.output<typeof resendInviteBodySchema>;
export type InviteListQuery = z.output<typeof inviteListSchema>;

export type { InviteBatchDto, InviteDto, InviteResentDto, SignUpDto, WaitlistPageDto, WaitlistStatusDto } from '#libs/protocol';
