import type { AppError, Language } from "../../core/index.ts";
import { fill, messages, type Messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";

function errorTitle(error: AppError, t: Messages): string {
  switch (error.code) {
    case "NOT_FOUND":
      return t.errorNotFoundTitle;
    case "SERVICE_UNAVAILABLE":
    case "DATABASE_LOCKED":
      return t.errorUnavailableTitle;
    case "FORBIDDEN":
      return t.errorForbiddenTitle;
    case "UNAUTHORIZED":
      return t.errorUnauthorizedTitle;
    case "PAYLOAD_TOO_LARGE":
      return t.errorTooLargeTitle;
    case "CONFLICT":
      return t.errorConflictTitle;
    default:
      return t.errorTitle;
  }
}

export interface ErrorPageProps {
  readonly language: Language;
  readonly error: AppError;
  /** The site path (without language prefix) the language link should point to. */
  readonly path: string;
  readonly requestId?: string | undefined;
}

export function ErrorPage({ language, error, path, requestId }: ErrorPageProps) {
  const t = messages(language);
  const title = errorTitle(error, t);
  return (
    <Layout language={language} title={title} path={path}>
      <h1>{title}</h1>
      <p class="lead">{error.text[language]}</p>
      {requestId === undefined || error.code !== "INTERNAL" ? null : (
        <p>{fill(t.errorRequestId, { id: requestId })}</p>
      )}
      <ul>
        <li>
          <a href={localizedPath(language, "/")}>{t.errorHome}</a>
        </li>
        <li>
          <a href={localizedPath(language, "/organizations")}>{t.errorOrganizations}</a>
        </li>
      </ul>
    </Layout>
  );
}
