// Session and API tokens: random secrets handed out once; only their SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "dvk_";
const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const API_TOKEN = /^dvk_[A-Za-z0-9_-]{43}$/;

export function sha256Hex(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** 32 random bytes, base64url (43 characters): the session cookie's value. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** "dvk_" and 32 random bytes, base64url; the prefix lets secret scanners recognise a leaked token. */
export function newApiToken(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function looksLikeSessionToken(value: string): boolean {
  return SESSION_TOKEN.test(value);
}

export function looksLikeApiToken(value: string): boolean {
  return API_TOKEN.test(value);
}
