import type { ApiTokenInfo, Role, TokenScope, User } from "../../accounts/index.ts";
import { TOKEN_SCOPES } from "../../accounts/index.ts";
import type { Language } from "../../core/index.ts";
import { CsrfField, ErrorSummary, FieldError, fieldAria, groupClass, type FieldProblem } from "../forms.tsx";
import { fill, fillParts, formatDateTime, messages, type Messages } from "../i18n.ts";
import { ACCOUNT_PATH, Layout, SIGN_IN_PATH } from "../layout.tsx";
import { localizedPath } from "../paths.ts";

export const SIGN_IN_FIELDS = { email: "sign-in-email", password: "sign-in-password" } as const;

export interface SignInPageProps {
  readonly language: Language;
  /** The CSRF token of the browser's pre-session cookie. */
  readonly csrfToken: string;
  /** Where to go after signing in (a localized site path), when not the account page. */
  readonly next: string | undefined;
  /** The email as typed, after a failed attempt; the password is never sent back. */
  readonly email?: string;
  readonly errors?: readonly FieldProblem[];
  /** Just signed out. */
  readonly signedOut?: boolean;
}

export function SignInPage(props: SignInPageProps) {
  const { language, next } = props;
  const t = messages(language);
  const errors = props.errors ?? [];
  const title = errors.length === 0 ? t.signInTitle : fill(t.errorPageTitle, { title: t.signInTitle });
  return (
    <Layout
      language={language}
      title={title}
      path={SIGN_IN_PATH}
      query={next === undefined ? "" : `?next=${encodeURIComponent(next)}`}
      section="account"
      scripts={["form.js"]}
      breadcrumbs={[{ label: t.navStart, path: "/" }]}
    >
      <ErrorSummary errors={errors} language={language} />
      {props.signedOut === true ? (
        <p class="notice" role="status">
          {t.signedOutNotice}
        </p>
      ) : null}
      <h1>{t.signInTitle}</h1>
      {t.signInIntro.map((text) => (
        <p>{text}</p>
      ))}
      <form class="form" method="post" action={localizedPath(language, SIGN_IN_PATH)} novalidate>
        <CsrfField token={props.csrfToken} />
        {next === undefined ? null : <input type="hidden" name="next" value={next} />}
        <div class={groupClass(SIGN_IN_FIELDS.email, errors)}>
          <label for={SIGN_IN_FIELDS.email}>{t.signInEmailLabel}</label>
          <FieldError fieldId={SIGN_IN_FIELDS.email} errors={errors} language={language} />
          <input
            id={SIGN_IN_FIELDS.email}
            name="email"
            type="email"
            value={props.email ?? ""}
            autocomplete="username"
            spellcheck={false}
            maxlength={254}
            required
            {...fieldAria(SIGN_IN_FIELDS.email, errors)}
          />
        </div>
        <div class={groupClass(SIGN_IN_FIELDS.password, errors)}>
          <label for={SIGN_IN_FIELDS.password}>{t.signInPasswordLabel}</label>
          <FieldError fieldId={SIGN_IN_FIELDS.password} errors={errors} language={language} />
          <input
            id={SIGN_IN_FIELDS.password}
            name="password"
            type="password"
            autocomplete="current-password"
            maxlength={1024}
            required
            {...fieldAria(SIGN_IN_FIELDS.password, errors)}
          />
        </div>
        <button type="submit">{t.signInSubmit}</button>
      </form>
      <p>{t.signInNoAccount}</p>
      <p class="hint">{t.signInCookies}</p>
    </Layout>
  );
}

/** What the account page needs to name a role's organization or county. */
export interface RoleNames {
  readonly organizations: ReadonlyMap<string, string>;
  readonly lan: ReadonlyMap<string, string>;
}

function RoleItem({ role, names, language }: { role: Role; names: RoleNames; language: Language }) {
  const t = messages(language);
  switch (role.role) {
    case "administrator":
      return <li>{t.roleAdministrator}</li>;
    case "national-coordinator":
      return <li>{t.roleNationalCoordinator}</li>;
    case "county-coordinator":
      return (
        <li>
          {fillParts(t.roleCountyCoordinator, {
            lan: (
              <a href={localizedPath(language, `/lan/${role.lanCode}`)}>
                {names.lan.get(role.lanCode) ?? role.lanCode}
              </a>
            ),
          })}
        </li>
      );
    case "publisher": {
      const code = role.organizationCode;
      const name = names.organizations.get(code) ?? code;
      return (
        <li>
          {fill(t.rolePublisher, { organization: name })}
          <ul>
            <li>
              <a href={localizedPath(language, `/organizations/${code}/publish`)}>
                {fill(t.rolePublishLink, { organization: name })}
              </a>
            </li>
            <li>
              <a href={localizedPath(language, `/organizations/${code}/publications`)}>
                {fill(t.rolePublicationsLink, { organization: name })}
              </a>
            </li>
          </ul>
        </li>
      );
    }
    case "data-user":
      return <li>{t.roleDataUser}</li>;
  }
}

export const TOKEN_FIELDS = {
  name: "token-name",
  organization: "token-organization",
  scope: "token-scope-read",
  expiry: "token-expiry",
} as const;

/** How long a new token may live, in days ("never": until revoked); 365 is preselected. */
export const TOKEN_EXPIRY_CHOICES = ["30", "90", "365", "730", "never"] as const;
export type TokenExpiryChoice = (typeof TOKEN_EXPIRY_CHOICES)[number];

export interface TokenFormValues {
  readonly name: string;
  readonly organization: string;
  readonly scope: TokenScope | undefined;
  readonly expiry?: TokenExpiryChoice | undefined;
}

export interface AccountPageProps {
  readonly language: Language;
  readonly user: User;
  readonly csrfToken: string;
  readonly names: RoleNames;
  readonly tokens: readonly ApiTokenInfo[];
  /** The organizations the user may make tokens for, by name. */
  readonly tokenOrganizations: readonly { code: string; name: string }[];
  /** Just made: its secret, shown this once. */
  readonly createdToken?: {
    readonly name: string;
    readonly token: string;
    readonly organizationCode: string;
    readonly expiresAt: Date | null;
  };
  /** Just revoked: its name. */
  readonly revokedName?: string | undefined;
  readonly values?: TokenFormValues;
  readonly errors?: readonly FieldProblem[];
  /** The site's origin, for the example command. */
  readonly origin: string;
}

function tokenStatus(token: ApiTokenInfo, language: Language, t: Messages): string {
  if (token.revokedAt !== null)
    return fill(t.tokenRevoked, { date: formatDateTime(token.revokedAt, language) });
  if (token.expiresAt === null) return t.tokenActive;
  const date = formatDateTime(token.expiresAt, language);
  return fill(token.expiresAt.getTime() <= Date.now() ? t.tokenExpiry.expired : t.tokenExpiry.activeUntil, {
    date,
  });
}

export function AccountPage(props: AccountPageProps) {
  const { language, user, names, tokens } = props;
  const t = messages(language);
  const errors = props.errors ?? [];
  const values = props.values ?? { name: "", organization: "", scope: undefined };
  const title = errors.length === 0 ? t.accountTitle : fill(t.errorPageTitle, { title: t.accountTitle });
  const orgName = (code: string) => names.organizations.get(code) ?? code;
  return (
    <Layout language={language} title={title} path={ACCOUNT_PATH} section="account" scripts={["form.js"]}>
      <ErrorSummary errors={errors} language={language} />
      {props.revokedName === undefined ? null : (
        <p class="notice" role="status">
          {fill(t.tokenRevokedNotice, { name: props.revokedName })}
        </p>
      )}
      <h1>{t.accountTitle}</h1>
      {props.createdToken === undefined ? null : (
        <section class="note token-created" aria-labelledby="token-created-heading">
          <h2 id="token-created-heading">{t.tokenCreatedHeading}</h2>
          <p>{t.tokenCreatedText}</p>
          <p>
            <strong>{fill(t.tokenCreatedLabel, { name: props.createdToken.name })}</strong>
          </p>
          <p data-token-expiry="">
            {props.createdToken.expiresAt === null
              ? t.tokenExpiry.createdNever
              : fill(t.tokenExpiry.createdUntil, {
                  date: formatDateTime(props.createdToken.expiresAt, language),
                })}
          </p>
          <pre class="command">
            <code data-new-token="">{props.createdToken.token}</code>
          </pre>
          <p>{t.tokenCreatedUsage}</p>
          <pre class="command">
            <code>{`curl -H "Authorization: Bearer ${props.createdToken.token}" --data-binary @${t.reportCurlFile} "${props.origin}/api/v1/organizations/${props.createdToken.organizationCode}/publications/badplatser"`}</code>
          </pre>
        </section>
      )}
      <h2>{t.accountDetailsHeading}</h2>
      <dl class="facts">
        <div>
          <dt>{t.columnName}</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>{t.signInEmailLabel}</dt>
          <dd>{user.email}</dd>
        </div>
      </dl>
      <h2>{t.accountRolesHeading}</h2>
      {user.roles.length === 0 ? (
        <p>{t.accountNoRoles}</p>
      ) : (
        <ul class="roles">
          {user.roles.map((role) => (
            <RoleItem role={role} names={names} language={language} />
          ))}
        </ul>
      )}

      <h2>{t.tokensHeading}</h2>
      <p>{t.tokensIntro}</p>
      {tokens.length === 0 ? (
        <p>{t.tokensNone}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="tokens-caption" tabindex={0}>
          <table>
            <caption id="tokens-caption">{t.tokensCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnName}</th>
                <th scope="col">{t.columnOrganization}</th>
                <th scope="col">{t.columnScope}</th>
                <th scope="col">{t.columnCreated}</th>
                <th scope="col">{t.columnLastUsed}</th>
                <th scope="col">{t.columnStatus}</th>
                <th scope="col">{t.columnAction}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr>
                  <th scope="row">{token.name}</th>
                  <td>{orgName(token.organizationCode)}</td>
                  <td>{t.scopeLabels[token.scope]}</td>
                  <td>{formatDateTime(token.createdAt, language)}</td>
                  <td>
                    {token.lastUsedAt === null
                      ? t.tokenNeverUsed
                      : formatDateTime(token.lastUsedAt, language)}
                  </td>
                  <td>{tokenStatus(token, language, t)}</td>
                  <td>
                    {token.revokedAt !== null ? null : (
                      <form
                        method="post"
                        action={localizedPath(language, `${ACCOUNT_PATH}/tokens/${token.id}/revoke`)}
                        class="inline-form"
                      >
                        <CsrfField token={props.csrfToken} />
                        <button type="submit" class="button--secondary">
                          {t.tokenRevokeButton}
                          <span class="visually-hidden"> {token.name}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="token-create-heading">{t.tokenCreateHeading}</h2>
      {props.tokenOrganizations.length === 0 ? (
        <p>{t.tokenCreateNone}</p>
      ) : (
        <form
          class="form"
          method="post"
          action={localizedPath(language, `${ACCOUNT_PATH}/tokens`)}
          aria-labelledby="token-create-heading"
          novalidate
        >
          <CsrfField token={props.csrfToken} />
          <div class={groupClass(TOKEN_FIELDS.name, errors)}>
            <label for={TOKEN_FIELDS.name}>{t.tokenNameLabel}</label>
            <p id="token-name-hint" class="hint">
              {t.tokenNameHint}
            </p>
            <FieldError fieldId={TOKEN_FIELDS.name} errors={errors} language={language} />
            <input
              id={TOKEN_FIELDS.name}
              name="name"
              type="text"
              value={values.name}
              maxlength={100}
              autocomplete="off"
              required
              {...fieldAria(TOKEN_FIELDS.name, errors, "token-name-hint")}
            />
          </div>
          <div class={groupClass(TOKEN_FIELDS.organization, errors)}>
            <label for={TOKEN_FIELDS.organization}>{t.columnOrganization}</label>
            <FieldError fieldId={TOKEN_FIELDS.organization} errors={errors} language={language} />
            <select
              id={TOKEN_FIELDS.organization}
              name="organization"
              required
              {...fieldAria(TOKEN_FIELDS.organization, errors)}
            >
              {props.tokenOrganizations.map((org) => (
                <option value={org.code} selected={org.code === values.organization}>
                  {org.name} ({org.code})
                </option>
              ))}
            </select>
          </div>
          <div class={groupClass(TOKEN_FIELDS.scope, errors)}>
            <fieldset aria-describedby={fieldAria(TOKEN_FIELDS.scope, errors)["aria-describedby"]}>
              <legend>{t.columnScope}</legend>
              <FieldError fieldId={TOKEN_FIELDS.scope} errors={errors} language={language} />
              {TOKEN_SCOPES.map((scope) => (
                <div class="choice">
                  <input
                    id={`token-scope-${scope}`}
                    name="scope"
                    type="radio"
                    value={scope}
                    checked={(values.scope ?? "read") === scope}
                    aria-describedby={`token-scope-${scope}-hint`}
                  />
                  <label for={`token-scope-${scope}`}>{t.scopeLabels[scope]}</label>
                  <p id={`token-scope-${scope}-hint`} class="hint">
                    {t.tokenScopeHints[scope]}
                  </p>
                </div>
              ))}
            </fieldset>
          </div>
          <div class={groupClass(TOKEN_FIELDS.expiry, errors)}>
            <label for={TOKEN_FIELDS.expiry}>{t.tokenExpiry.label}</label>
            <p id="token-expiry-hint" class="hint">
              {t.tokenExpiry.hint}
            </p>
            <FieldError fieldId={TOKEN_FIELDS.expiry} errors={errors} language={language} />
            <select
              id={TOKEN_FIELDS.expiry}
              name="expiry"
              {...fieldAria(TOKEN_FIELDS.expiry, errors, "token-expiry-hint")}
            >
              {TOKEN_EXPIRY_CHOICES.map((choice) => (
                <option value={choice} selected={choice === (values.expiry ?? "365")}>
                  {choice === "never" ? t.tokenExpiry.never : fill(t.tokenExpiry.days, { n: choice })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t.tokenCreateSubmit}</button>
        </form>
      )}
    </Layout>
  );
}
