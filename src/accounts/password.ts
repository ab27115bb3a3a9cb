// Password hashing with scrypt (memory-hard). Stored as scrypt$N$r$p$salt_b64$hash_b64, so the
// parameters can be raised later without breaking the hashes already stored.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { AppError } from "../core/index.ts";

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
export const MIN_PASSWORD_LENGTH = 12;
/** Beyond this a password is refused: hashing huge inputs is a cheap way to tie up the server. */
export const MAX_PASSWORD_LENGTH = 1024;

// scrypt needs about 128 * N * r bytes; Node refuses at the default maxmem (32 MiB) for N=2^15, r=8.
const maxmem = (n: number, r: number): number => 128 * n * r * 2;

function derive(password: string, salt: Buffer, n: number, r: number, p: number, length: number) {
  const options: ScryptOptions = { N: n, r, p, maxmem: maxmem(n, r) };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, length, options, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

/** Length in characters (code points), so "åäö" is three, not six bytes or a surrogate count. */
function codePoints(text: string): number {
  return Array.from(text).length;
}

/** Throws BAD_REQUEST when the password is too short or too long; counts characters, not bytes. */
export function checkPasswordPolicy(password: string): void {
  const length = codePoints(password);
  if (length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Lösenordet måste vara minst ${MIN_PASSWORD_LENGTH} tecken långt, det angivna har ${length}.`,
        en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long, the one given has ${length}.`,
      },
      { details: { field: "password", expected: `>= ${MIN_PASSWORD_LENGTH} characters`, found: length } },
    );
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Lösenordet får vara högst ${MAX_PASSWORD_LENGTH} tecken långt, det angivna har ${length}.`,
        en: `The password may be at most ${MAX_PASSWORD_LENGTH} characters long, the one given has ${length}.`,
      },
      { details: { field: "password", expected: `<= ${MAX_PASSWORD_LENGTH} characters`, found: length } },
    );
  }
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, N, R, P, KEY_LENGTH);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

interface ParsedHash {
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly key: Buffer;
}

const STORED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)$/;

function parseHash(stored: string): ParsedHash | undefined {
  const match = STORED.exec(stored);
  if (match === null) return undefined;
  const [, n, r, p, salt, key] = match;
  if (n === undefined || r === undefined || p === undefined || salt === undefined || key === undefined) {
    return undefined;
  }
  const parsed = { n: Number(n), r: Number(r), p: Number(p) };
  // Bounds keep a tampered row from making verification allocate gigabytes.
  const isPowerOfTwo = (x: number) => Number.isInteger(x) && x > 1 && (x & (x - 1)) === 0;
  if (!isPowerOfTwo(parsed.n) || parsed.n > 2 ** 20 || parsed.r < 1 || parsed.r > 32) return undefined;
  if (parsed.p < 1 || parsed.p > 16) return undefined;
  const keyBytes = Buffer.from(key, "base64");
  if (keyBytes.length < 16 || keyBytes.length > 128) return undefined;
  return { ...parsed, salt: Buffer.from(salt, "base64"), key: keyBytes };
}

/** True when the password matches the stored hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (parsed === undefined || codePoints(password) > MAX_PASSWORD_LENGTH) return false;
  const key = await derive(password, parsed.salt, parsed.n, parsed.r, parsed.p, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with other parameters than today's (rehash at the next sign-in). */
export function passwordNeedsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return parsed === undefined || parsed.n !== N || parsed.r !== R || parsed.p !== P;
}

/** A strong random password (32 characters, 192 bits), for the first administrator. */
export function generatePassword(): string {
  return randomBytes(24).toString("base64url");
}

let dummyHash: Promise<string> | undefined;

/** A hash of nothing anyone knows: verified against when the user is missing, to take the same time. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(generatePassword());
  return dummyHash;
}
