// Signing in and out, and the account page with its API tokens. Every POST carries a CSRF token:
// the session's, or (signing in) the pre-session cookie's.
import type { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  actorOf,
  can,
  TOKEN_SCOPES,
  type AccountsService,
  type TokenScope,
  type User,
} from "../accounts/index.ts";
import { UUID, isAppError, notFound, type Language } from "../core/index.ts";
import { sessionCookieOptions } from "./cookies.ts";
import type { RegistryService } from "../registry/index.ts";
import { csrfToken, isCsrfSecret, newPreSessionSecret, PRE_SESSION_COOKIE, SESSION_COOKIE } from "./csrf.ts";
import type { FieldProblem } from "./forms.tsx";
import { fill, messages, nameCollator } from "./i18n.ts";
import {
  clientAddress,
  csrfRefused,
  csrfValid,
  formText,
  htmlPage,
  pageRoute,
  postRoute,
  readForm,
  seeOther,
  siteOrigin,
  viewerOrSignIn,
  type WebContext,
} from "./kit.tsx";
import { ACCOUNT_PATH, SIGN_IN_PATH, SIGN_OUT_PATH } from "./layout.tsx";
import {
  AccountPage,
  SIGN_IN_FIELDS,
  SignInPage,
  TOKEN_EXPIRY_CHOICES,
  TOKEN_FIELDS,
  type RoleNames,
  type TokenFormValues,
} from "./pages/account.tsx";
import { localizedPath, safeSitePath, stripLanguage } from "./paths.ts";
import { viewerOf, type Viewer, type WebEnv } from "./viewer.ts";

export interface AccountRouteDependencies {
  readonly accounts: AccountsService;
  readonly registry: RegistryService;
  readonly publicUrl: string | undefined;
}

/**
 * Where to go after signing in: a path on this site (never another site, never the sign-in page
 * itself), else undefined.
 */
export function safeNext(value: string | undefined): string | undefined {
  if (value === undefined || value === "" || value.length > 2000) return undefined;
  const path = safeSitePath(value);
  if (path !== value) return undefined;
  const bare = stripLanguage(path.split("?")[0] ?? "");
  return bare === SIGN_IN_PATH || bare === SIGN_OUT_PATH ? undefined : path;
}

export function accountRoutes(web: Hono<WebEnv>, deps: AccountRouteDependencies): void {
  const { accounts, registry, publicUrl } = deps;

  /** The browser's pre-session secret, made (and set as a cookie) when it has none. */
  const preSessionSecret = (c: WebContext): string => {
    const existing = getCookie(c, PRE_SESSION_COOKIE);
    if (isCsrfSecret(existing)) return existing;
    const secret = newPreSessionSecret();
    setCookie(c, PRE_SESSION_COOKIE, secret, sessionCookieOptions(c.req.url, publicUrl));
    return secret;
  };

  const signInForm = (
    c: WebContext,
    language: Language,
    status: 200 | 400 | 401 | 429,
    options: {
      next?: string | undefined;
      email?: string;
      errors?: FieldProblem[];
      signedOut?: boolean;
      headers?: Record<string, string>;
    },
  ) =>
    htmlPage(
      c,
      language,
      <SignInPage
        language={language}
        csrfToken={csrfToken(preSessionSecret(c), "pre-session")}
        next={options.next}
        email={options.email}
        errors={options.errors}
        signedOut={options.signedOut}
      />,
      status,
      { "Cache-Control": "no-store", ...options.headers },
    );

  pageRoute(web, SIGN_IN_PATH, (c, language) => {
    const next = safeNext(c.req.query("next"));
    if (viewerOf(c) !== null) return c.redirect(next ?? localizedPath(language, ACCOUNT_PATH), 303);
    return signInForm(c, language, 200, { next, signedOut: c.req.query("out") !== undefined });
  });

  postRoute(web, SIGN_IN_PATH, async (c, language) => {
    const t = messages(language);
    const form = await readForm(c);
    if (!csrfValid(c, form, "pre-session", PRE_SESSION_COOKIE)) return csrfRefused(c, language, SIGN_IN_PATH);
    const next = safeNext(formText(form, "next"));
    const email = formText(form, "email").slice(0, 254);
    const passwordValue = form.get("password");
    const password = typeof passwordValue === "string" ? passwordValue.slice(0, 1024) : "";
    const errors: FieldProblem[] = [];
    if (email === "") errors.push({ fieldId: SIGN_IN_FIELDS.email, message: t.signInErrorEmail });
    if (password === "") errors.push({ fieldId: SIGN_IN_FIELDS.password, message: t.signInErrorPassword });
    if (errors.length > 0) return signInForm(c, language, 400, { next, email, errors });
    let user: User;
    try {
      user = await accounts.authenticate(email, password, clientAddress(c));
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === "RATE_LIMITED") {
        // Too many failures for the account or the address: the service says when to try again.
        const details = error.details as { retryAfterSeconds?: number } | undefined;
        return signInForm(c, language, 429, {
          next,
          email,
          errors: [{ fieldId: SIGN_IN_FIELDS.email, message: error.text[language] }],
          headers: { "Retry-After": String(details?.retryAfterSeconds ?? 60) },
        });
      }
      if (error.code !== "UNAUTHORIZED") throw error;
      // One message whatever was wrong: it must not tell which accounts exist.
      return signInForm(c, language, 401, {
        next,
        email,
        errors: [{ fieldId: SIGN_IN_FIELDS.email, message: t.signInErrorWrong }],
      });
    }
    const audit = { actor: actorOf(user), fromAddress: clientAddress(c) };
    // A new session at every sign-in (never a fixed one); the browser's earlier one ends.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous !== undefined) await accounts.revokeSession(previous, audit);
    const session = await accounts.createSession(user.id, undefined, audit);
    setCookie(
      c,
      SESSION_COOKIE,
      session.token,
      sessionCookieOptions(c.req.url, publicUrl, session.expiresAt),
    );
    deleteCookie(c, PRE_SESSION_COOKIE, { path: "/" });
    return c.redirect(next ?? localizedPath(language, ACCOUNT_PATH), 303);
  });

  postRoute(web, SIGN_OUT_PATH, async (c, language) => {
    const form = await readForm(c);
    const session = getCookie(c, SESSION_COOKIE);
    if (session !== undefined) {
      if (!csrfValid(c, form, "session")) return csrfRefused(c, language, ACCOUNT_PATH);
      const user = viewerOf(c)?.user;
      await accounts.revokeSession(session, {
        actor: user === undefined ? "session" : actorOf(user),
        fromAddress: clientAddress(c),
      });
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
    }
    return c.redirect(`${localizedPath(language, SIGN_IN_PATH)}?out=1`, 303);
  });

  /** The organizations and counties the user's roles name, and those they may make tokens for. */
  const namesFor = async (user: User) => {
    const [organizations, lan] = await Promise.all([
      registry.listOrganizations({ limit: 1000 }),
      registry.listLan(),
    ]);
    const names: RoleNames = {
      organizations: new Map(organizations.items.map((o) => [o.code as string, o.name])),
      lan: new Map(lan.map((l) => [l.code as string, l.name])),
    };
    const tokenOrganizations = organizations.items
      .filter((o) => can(user, "read", o.code))
      .map((o) => ({ code: o.code, name: o.name }))
      .sort((a, b) => nameCollator.compare(a.name, b.name));
    return { names, tokenOrganizations };
  };

  const accountPage = async (
    c: WebContext,
    language: Language,
    viewer: Viewer,
    extra: {
      status?: 200 | 400;
      createdToken?: { name: string; token: string; organizationCode: string; expiresAt: Date | null };
      revokedName?: string;
      values?: TokenFormValues;
      errors?: FieldProblem[];
    } = {},
  ) => {
    const [{ names, tokenOrganizations }, tokens] = await Promise.all([
      namesFor(viewer.user),
      accounts.listApiTokens(viewer.user.id),
    ]);
    return htmlPage(
      c,
      language,
      <AccountPage
        language={language}
        user={viewer.user}
        csrfToken={viewer.csrfToken}
        names={names}
        tokens={tokens}
        tokenOrganizations={tokenOrganizations}
        createdToken={extra.createdToken}
        revokedName={extra.revokedName}
        values={extra.values}
        errors={extra.errors}
        origin={siteOrigin(c, publicUrl)}
      />,
      extra.status ?? 200,
      { "Cache-Control": "no-store" },
    );
  };

  pageRoute(web, ACCOUNT_PATH, async (c, language) => {
    const viewer = viewerOrSignIn(c, language);
    if (viewer instanceof Response) return viewer;
    const revoked = c.req.query("revoked");
    let revokedName: string | undefined;
    if (revoked !== undefined && UUID.test(revoked)) {
      revokedName = (await accounts.listApiTokens(viewer.user.id)).find((tk) => tk.id === revoked)?.name;
    }
    return accountPage(c, language, viewer, { revokedName });
  });

  postRoute(web, `${ACCOUNT_PATH}/tokens`, async (c, language) => {
    const t = messages(language);
    const form = await readForm(c);
    const viewer = viewerOf(c);
    if (viewer === null || !csrfValid(c, form, "session")) return csrfRefused(c, language, ACCOUNT_PATH);
    const scopeText = formText(form, "scope");
    const values: TokenFormValues = {
      name: formText(form, "name").slice(0, 200),
      organization: formText(form, "organization"),
      scope: TOKEN_SCOPES.find((s) => s === scopeText),
      expiry: TOKEN_EXPIRY_CHOICES.find((choice) => choice === (formText(form, "expiry") || "365")),
    };
    const { names, tokenOrganizations } = await namesFor(viewer.user);
    const errors: FieldProblem[] = [];
    if (values.name === "" || values.name.length > 100)
      errors.push({ fieldId: TOKEN_FIELDS.name, message: t.tokenErrorName });
    if (!tokenOrganizations.some((o) => o.code === values.organization))
      errors.push({ fieldId: TOKEN_FIELDS.organization, message: t.tokenErrorOrganization });
    if (values.expiry === undefined)
      errors.push({ fieldId: TOKEN_FIELDS.expiry, message: t.tokenExpiry.error });
    if (values.scope === undefined) errors.push({ fieldId: TOKEN_FIELDS.scope, message: t.tokenErrorScope });
    else if (errors.length === 0 && !can(viewer.user, values.scope, values.organization)) {
      errors.push({
        fieldId: TOKEN_FIELDS.scope,
        message: fill(t.tokenErrorScopeNotAllowed, {
          organization: names.organizations.get(values.organization) ?? values.organization,
        }),
      });
    }
    if (errors.length > 0 || values.scope === undefined)
      return accountPage(c, language, viewer, { status: 400, values, errors });
    const scope: TokenScope = values.scope;
    const created = await accounts.createApiToken(
      {
        userId: viewer.user.id,
        organizationCode: values.organization,
        scope,
        name: values.name,
        expiresInDays:
          values.expiry === "never" || values.expiry === undefined ? null : Number(values.expiry),
      },
      { actor: actorOf(viewer.user), fromAddress: clientAddress(c) },
    );
    return accountPage(c, language, viewer, {
      createdToken: {
        name: created.name,
        token: created.token,
        organizationCode: created.organizationCode,
        expiresAt: created.expiresAt,
      },
    });
  });

  postRoute(web, `${ACCOUNT_PATH}/tokens/:id/revoke`, async (c, language) => {
    const form = await readForm(c);
    const viewer = viewerOf(c);
    if (viewer === null || !csrfValid(c, form, "session")) return csrfRefused(c, language, ACCOUNT_PATH);
    const id = c.req.param("id") ?? "";
    // Only the user's own tokens: another's id is as unknown as a made-up one.
    const own = UUID.test(id) && (await accounts.listApiTokens(viewer.user.id)).some((tk) => tk.id === id);
    if (!own) {
      throw notFound({ sv: `Du har ingen API-nyckel ${id}.`, en: `You have no API token ${id}.` });
    }
    await accounts.revokeApiToken(id, { actor: actorOf(viewer.user), fromAddress: clientAddress(c) });
    return seeOther(c, language, `${ACCOUNT_PATH}?revoked=${id}`);
  });
}
