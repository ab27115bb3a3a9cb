import type { Language } from "../../core/index.ts";
import { fill, messages } from "../i18n.ts";
import { Layout, SIGN_IN_PATH } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { useViewer } from "../viewer.ts";

export interface CsrfRefusedPageProps {
  readonly language: Language;
  /** The site path of the form that was sent, to go back to. */
  readonly formPath: string;
}

/** The answer to a form without a valid CSRF token: what happened, that nothing changed, what to do. */
export function CsrfRefusedPage({ language, formPath }: CsrfRefusedPageProps) {
  const t = messages(language);
  return (
    <Layout language={language} title={t.csrfTitle} path={formPath}>
      <h1>{t.csrfTitle}</h1>
      {t.csrfText.map((text, i) => (
        <p class={i === 0 ? "lead" : undefined}>{text}</p>
      ))}
      <p>{t.csrfWhatNow}</p>
      <ul>
        <li>
          <a href={localizedPath(language, formPath)}>{t.csrfBackLink}</a>
        </li>
        <li>
          <a href={localizedPath(language, SIGN_IN_PATH)}>{t.signInLink}</a>
        </li>
      </ul>
    </Layout>
  );
}

export interface ForbiddenPageProps {
  readonly language: Language;
  /** The site path of the page that was asked for. */
  readonly path: string;
  /** Why not, and who can. */
  readonly message: string;
}

/** 403 for a signed-in user without the right: says who they are signed in as, and why not. */
export function ForbiddenPage({ language, path, message }: ForbiddenPageProps) {
  const t = messages(language);
  const viewer = useViewer();
  return (
    <Layout language={language} title={t.errorForbiddenTitle} path={path}>
      <h1>{t.errorForbiddenTitle}</h1>
      <p class="lead">{message}</p>
      {viewer === null || viewer === undefined ? null : (
        <p>{fill(t.forbiddenSignedInAs, { name: viewer.user.displayName, email: viewer.user.email })}</p>
      )}
      <ul>
        <li>
          <a href={localizedPath(language, "/")}>{t.errorHome}</a>
        </li>
        <li>
          <a href={localizedPath(language, "/account")}>{t.accountTitle}</a>
        </li>
      </ul>
    </Layout>
  );
}
