import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { requireCan, type AccountsService, type Action, type Principal } from "../accounts/index.ts";
import { AppError } from "../core/index.ts";
import { SESSION_COOKIE } from "../web/csrf.ts";
import type { AppEnv } from "./context.ts";

// One session cookie for both shells: the web names it, the API's POST /session sets it too.
export { SESSION_COOKIE };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Finds who is asking: an API token (`Authorization: Bearer dvk_…`) or a session cookie. A
 * request with a cookie and an unsafe method must come from our own origin (CSRF). The cookie is
 * SameSite=Lax (see sessionCookieOptions), which keeps it off cross-site POSTs in today's
 * browsers but not off top-level GETs, so this origin check is the guard that counts. Tokens,
 * which a browser never sends by itself, are exempt.
 */
export function resolvePrincipal(
  accounts: AccountsService,
  publicUrl: string | undefined,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header("authorization");
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (match?.[1] === undefined) {
        throw new AppError("UNAUTHORIZED", {
          sv: "Authorization-rubriken ska ha formen: Bearer <API-nyckel>.",
          en: "The Authorization header must have the form: Bearer <API token>.",
        });
      }
      c.set("principal", await accounts.authenticateToken(match[1]));
      return next();
    }
    const session = getCookie(c, SESSION_COOKIE);
    if (session !== undefined) {
      if (UNSAFE_METHODS.has(c.req.method)) {
        const origin = c.req.header("origin");
        const own = publicUrl ?? new URL(c.req.url).origin;
        if (origin !== own) {
          throw new AppError(
            "FORBIDDEN",
            {
              sv: "Begäran kom inte från plattformens egen webbplats och avvisas (skydd mot CSRF).",
              en: "The request did not come from the platform's own site and is refused (CSRF protection).",
            },
            { details: { expectedOrigin: own, origin: origin ?? null } },
          );
        }
      }
      const user = await accounts.sessionUser(session);
      if (user !== undefined) c.set("principal", user);
    }
    return next();
  };
}

/**
 * The principal, allowed to do action to object; 401 when nobody is signed in (telling an API
 * client where the token goes), else the domain's requireCan: 403 when not allowed.
 */
export function authorize(c: Context<AppEnv>, action: Action, object?: string): Principal {
  const principal = c.get("principal");
  if (principal === undefined) {
    throw new AppError("UNAUTHORIZED", {
      sv: "Logga in, eller skicka en API-nyckel i Authorization-rubriken.",
      en: "Sign in, or send an API token in the Authorization header.",
    });
  }
  return requireCan(principal, action, object);
}

/** The client's address, for the audit log. */
export function clientAddress(c: Context<AppEnv>): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}
