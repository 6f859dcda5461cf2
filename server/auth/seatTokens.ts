import crypto from 'node:crypto';

/**
 * Secrets the server hands out: seat tokens, host keys, join codes and match ids.
 * Tokens and keys are stored only as SHA-256 hashes, so a copy of the database seats nobody.
 */

/** Join codes: no look-alikes (no 0/O, 1/I/L). 31^8 ≈ 8.5e11 codes. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[crypto.randomInt(alphabet.length)];
  return out;
}

/** A seat token: 32 random bytes, base64url (43 characters). */
export function newSeatToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** A host key (facilitator powers): same strength as a seat token. */
export const newHostKey = newSeatToken;

/** SHA-256 of a token or key, base64url. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Compare a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(storedHash);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function newJoinCode(): string {
  return randomString(CODE_ALPHABET, CODE_LENGTH);
}

/** Codes are typed by people: accept lower case, spaces and dashes. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A match id doubles as the Colyseus roomId: URL-safe, unguessable, not listed for private rooms. */
export function newMatchId(): string {
  return 'm' + randomString('23456789abcdefghjkmnpqrstuvwxyz', 15);
}

/** A seed for matches created without one. */
export function newSeed(): string {
  return crypto.randomBytes(9).toString('base64url');
}
