import { createHash, randomBytes } from 'node:crypto';

// 32 letters, no 0/O or 1/I to misread; 256 is a multiple of 32, so `byte % 32` is unbiased.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Only hashes of tokens and invite codes are stored. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function randomCode(length: number): string {
  return Array.from(randomBytes(length), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Invite codes are read and typed by people: case, spaces and dashes do not matter. */
export const canonicalInviteCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** 20 letters (100 bits), shown grouped: XXXXX-XXXXX-XXXXX-XXXXX. */
export function newInviteCode(): string {
  return randomCode(20).match(/.{5}/g)!.join('-');
}
