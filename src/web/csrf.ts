// CSRF tokens for the web forms: derived, never stored. A signed-in browser's token is an HMAC of
// its session cookie's secret; a signed-out browser (the sign-in form) gets a random pre-session
// cookie whose HMAC is its token. Only a page served to that browser can know the token, since
// the cookies are HttpOnly and their secrets never appear in a page. See docs/decisions.md.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The session cookie (set by sign-in; the same one the API's POST /session sets). */
export const SESSION_COOKIE = "dv_session";
/** The pre-session cookie: the key of a signed-out browser's CSRF token. */
export const PRE_SESSION_COOKIE = "dv_csrf";
/** The hidden form field every form that changes something carries. */
export const CSRF_FIELD = "csrf";

/** Whose token: a session's, or a signed-out browser's. The two never stand for each other. */
export type CsrfPurpose = "session" | "pre-session";

const LABEL = "dataverkstad/web/csrf/v1";
/** Both cookies hold 32 random bytes as base64url. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** A new pre-session secret for the dv_csrf cookie. */
export function newPreSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function isCsrfSecret(value: string | undefined): value is string {
  return value !== undefined && SECRET.test(value);
}

/** The form token for a cookie secret: HMAC-SHA256 keyed by the secret, base64url. */
export function csrfToken(secret: string, purpose: CsrfPurpose): string {
  return createHmac("sha256", secret).update(`${LABEL}:${purpose}`).digest("base64url");
}

/** Whether a token sent with a form belongs to the cookie secret sent with it (constant time). */
export function csrfTokenMatches(secret: string | undefined, purpose: CsrfPurpose, given: unknown): boolean {
  if (!isCsrfSecret(secret) || typeof given !== "string") return false;
  const expected = Buffer.from(csrfToken(secret, purpose));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
