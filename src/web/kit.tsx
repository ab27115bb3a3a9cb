// What the route modules share: rendering a page with the viewer in context, registering a page in
// both languages, redirects after a POST, reading a form, and the answers every form can give
// (the CSRF refusal, the sign-in redirect).
import type { Context, Hono, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { Language } from "../core/index.ts";
import { CSRF_FIELD, csrfTokenMatches, SESSION_COOKIE, type CsrfPurpose } from "./csrf.ts";
import { signInHref } from "./layout.tsx";
import { CsrfRefusedPage } from "./pages/forbidden.tsx";
import { ENGLISH_PREFIX, localizedPath } from "./paths.ts";
import { ViewerContext, viewerOf, type Viewer, type WebEnv } from "./viewer.ts";

export type WebContext = Context<WebEnv>;
export type PageResult = JSX.Element | Response;
export type PageHandler = (c: WebContext, language: Language) => Promise<PageResult> | PageResult;

/** A whole HTML document from a page component, with the viewer for the header. Pages render synchronously. */
export function renderDocument(page: JSX.Element, viewer?: Viewer | null): string {
  const element =
    viewer === undefined ? page : <ViewerContext.Provider value={viewer}>{page}</ViewerContext.Provider>;
  if (element instanceof Promise) throw new TypeError("Web pages must render synchronously");
  const html = element.toString();
  if (typeof html !== "string") throw new TypeError("Web pages must render synchronously");
  return `<!DOCTYPE html>${html}`;
}

/**
 * A page as the response. A page for a signed-in viewer (it names them, and its forms carry their
 * CSRF token) is never stored by any cache.
 */
export function htmlPage(
  c: WebContext,
  language: Language,
  page: JSX.Element,
  status: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 413 | 429 = 200,
  headers: Record<string, string> = {},
): Response {
  const viewer = viewerOf(c);
  const cache: Record<string, string> = viewer === null ? {} : { "Cache-Control": "no-store" };
  return c.html(renderDocument(page, viewer), status, {
    "Content-Language": language,
    ...cache,
    ...headers,
  });
}

/** A site path's routes: Swedish at the path, English under /en. */
export function bothLanguages(path: string): [string, Language][] {
  const routes: [string, Language][] = [
    [path, "sv"],
    [path === "/" ? ENGLISH_PREFIX : `${ENGLISH_PREFIX}${path}`, "en"],
  ];
  if (path === "/") routes.push([`${ENGLISH_PREFIX}/`, "en"]);
  return routes;
}

/** A GET page in both languages. A handler may answer with a Response of its own (a redirect). */
export function pageRoute(web: Hono<WebEnv>, path: string, handler: PageHandler): void {
  for (const [route, language] of bothLanguages(path)) {
    web.get(route, async (c) => {
      const result = await handler(c, language);
      return result instanceof Response ? result : htmlPage(c, language, result);
    });
  }
}

/** A POST route in both languages, after the given middleware. */
export function postRoute(
  web: Hono<WebEnv>,
  path: string,
  handler: (c: WebContext, language: Language) => Promise<Response> | Response,
  middleware?: (language: Language) => MiddlewareHandler<WebEnv>,
): void {
  for (const [route, language] of bothLanguages(path)) {
    if (middleware === undefined) web.post(route, (c) => handler(c, language));
    else web.post(route, middleware(language), (c) => handler(c, language));
  }
}

/** 303 See Other to a site path in the language: the answer to a POST that worked. */
export function seeOther(c: WebContext, language: Language, path: string): Response {
  return c.redirect(localizedPath(language, path), 303);
}

/** The form as sent (multipart or urlencoded); an unreadable body is an empty form. */
export async function readForm(c: WebContext): Promise<FormData> {
  try {
    return await c.req.formData();
  } catch {
    return new FormData();
  }
}

/** A text field of a form, trimmed; "" when missing or a file. */
/** What the form readers answer: FormData, or an upload form read as a stream (multipart.ts). */
export interface FormFields {
  get(name: string): FormDataEntryValue | null;
}

export function formText(form: FormFields, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** Whether the form carries the CSRF token of the cookie it came with. */
export function csrfValid(
  c: WebContext,
  form: FormFields,
  purpose: CsrfPurpose,
  cookie = SESSION_COOKIE,
): boolean {
  return csrfTokenMatches(getCookie(c, cookie), purpose, form.get(CSRF_FIELD));
}

/** The 403 page for a form without a valid CSRF token, with the way back to the form. */
export function csrfRefused(
  c: WebContext,
  language: Language,
  formPath: string,
  headers: Record<string, string> = {},
): Response {
  return htmlPage(c, language, <CsrfRefusedPage language={language} formPath={formPath} />, 403, {
    "Cache-Control": "no-store",
    ...headers,
  });
}

/** The signed-in viewer, or the redirect to the sign-in page that leads back here. */
export function viewerOrSignIn(c: WebContext, language: Language): Viewer | Response {
  return viewerOf(c) ?? signInRedirect(c, language);
}

/** To the sign-in page, which leads back to this address. */
export function signInRedirect(c: WebContext, language: Language): Response {
  const url = new URL(c.req.url);
  return c.redirect(signInHref(language, url.pathname + url.search), 303);
}

/** The client's address, for the audit log (as the HTTP layer's clientAddress finds it). */
export function clientAddress(c: WebContext): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}

/** The page's own origin for links handed out (curl lines, JSON-LD): PUBLIC_URL when set. */
export function siteOrigin(c: WebContext, publicUrl: string | undefined): string {
  return (publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, "");
}
