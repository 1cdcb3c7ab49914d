/**
 * @module Password and token hashing. Passwords: scrypt (N=2^15, r=8, p=1, 64-byte key, 16-byte
 * salt), stored as `scrypt$N$r$p$salt$hash`. Tokens (sessions, API tokens, setup links): 32 random
 * bytes shown once, stored as SHA-256 — they are long random secrets, so a fast hash suffices.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;
const params = { N: 2 ** 15, r: 8, p: 1 };
// scrypt needs 128·N·r bytes; allow twice that.
const maxmem = 2 * 128 * params.N * params.r;

export const minPasswordLength = 10;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 64, { ...params, maxmem });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const N = Number(n);
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 2 * 128 * N * Number(r),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A new secret token for a link, cookie or API client (base64url, 43 characters). */
export const newToken = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
