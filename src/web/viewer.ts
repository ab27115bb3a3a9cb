// Who is looking at a page: a signed-in user (through the session cookie) with the CSRF token of
// that session, or nobody. The HTTP layer's resolvePrincipal puts the principal on the context;
// the web counts only sessions, since a browser never sends an API token by itself.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createContext, useContext } from "hono/jsx";
import { can, isTokenPrincipal, type Action, type Principal, type User } from "../accounts/index.ts";
import type { Language } from "../core/index.ts";
import { csrfToken, isCsrfSecret, SESSION_COOKIE } from "./csrf.ts";

/** What the web pages read from the request context (set by the HTTP layer's middleware). */
export interface WebEnv {
  Variables: { language: Language; requestId: string; principal?: Principal };
}

export interface Viewer {
  readonly user: User;
  /** The CSRF token of this session, for the hidden field of every form that changes something. */
  readonly csrfToken: string;
}

/** The signed-in user, or null. */
export function viewerOf(c: Context<WebEnv>): Viewer | null {
  const principal = c.get("principal");
  if (principal === undefined || isTokenPrincipal(principal)) return null;
  const secret = getCookie(c, SESSION_COOKIE);
  if (!isCsrfSecret(secret)) return null;
  return { user: principal, csrfToken: csrfToken(secret, "session") };
}

/** May the viewer do this? Nobody signed in may do nothing. */
export function viewerCan(viewer: Viewer | null, action: Action, object?: string): boolean {
  return viewer !== null && can(viewer.user, action, object);
}

/**
 * The viewer as the layout sees it: a Viewer, null (signed out), or undefined when the page does
 * not know (the error page the HTTP layer renders): then the header shows neither.
 */
export const ViewerContext = createContext<Viewer | null | undefined>(undefined);

export function useViewer(): Viewer | null | undefined {
  return useContext(ViewerContext);
}
