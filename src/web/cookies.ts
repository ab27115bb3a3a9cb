import type { CookieOptions } from "hono/utils/cookie";

/**
 * The options of the session cookie and the pre-session (CSRF) cookie, for the web sign-in and
 * the API's /api/v1/session alike.
 *
 * Secure whenever the site is served over https: PUBLIC_URL says so (TLS ends at a proxy in
 * front), or this request itself came over TLS. X-Forwarded-Proto is not read: nothing here
 * knows which proxies to trust, and PUBLIC_URL already covers the proxied case.
 *
 * SameSite=Lax, not Strict: Strict would drop the cookie on every top-level navigation from
 * another site (a link in a mail to a release page), so a signed-in publisher would look
 * signed out. Lax still withholds it from cross-site POSTs, and the CSRF checks (origin for
 * the API, tokens for the forms) cover unsafe methods regardless.
 */
export function sessionCookieOptions(
  requestUrl: string,
  publicUrl: string | undefined,
  expires?: Date,
): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "Lax",
    secure: publicUrl?.startsWith("https:") === true || new URL(requestUrl).protocol === "https:",
    path: "/",
    ...(expires === undefined ? {} : { expires }),
  };
}
