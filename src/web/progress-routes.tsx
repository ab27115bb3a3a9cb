// The progress pages: the national goal with the map, a county's progress, the readiness model,
// and an organization's readiness with its declaration forms (POST, then redirect, then GET; a
// form with errors comes back with its values and the errors beside the fields).
import type { Hono } from "hono";
import { actorOf } from "../accounts/index.ts";
import { notFound, type Language } from "../core/index.ts";
import {
  countyComparison,
  declarationProblems,
  isDeclarable,
  type DeclarableCriterion,
  type DeclarationValues,
  type ProgressService,
} from "../progress/index.ts";
import type { Organization, RegistryService } from "../registry/index.ts";
import type { FieldProblem } from "./forms.tsx";
import { fill, messages } from "./i18n.ts";
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
  type WebContext,
} from "./kit.tsx";
import { signInHref } from "./layout.tsx";
import { ForbiddenPage } from "./pages/forbidden.tsx";
import { ProgressPage } from "./pages/progress.tsx";
import {
  declarationAnchor,
  declarationErrors,
  type DeclarationsAccess,
} from "./pages/progress-declarations.tsx";
import { LanProgressPage } from "./pages/progress-lan.tsx";
import { ModelPage } from "./pages/progress-model.tsx";
import { ReadinessPage } from "./pages/progress-readiness.tsx";
import { readinessPath } from "./pages/progress-tables.tsx";
import { localizedPath } from "./paths.ts";
import { viewerCan, viewerOf, type WebEnv } from "./viewer.ts";

export interface ProgressRouteDependencies {
  readonly registry: RegistryService;
  readonly progress: ProgressService;
  /** PUBLIC_URL: the origin of the badge's address handed out for embedding. */
  readonly publicUrl?: string | undefined;
}

interface ReadinessOptions {
  readonly status?: 200 | 400;
  readonly notice?: { readonly kind: "saved" | "withdrawn"; readonly criterion: string };
  readonly form?: { readonly criterion: DeclarableCriterion; readonly values: DeclarationValues };
  readonly errors?: readonly FieldProblem[];
}

/** The declaration's values as sent; trimmed, so "  " is as missing as "". */
export function declarationValues(form: FormData): DeclarationValues {
  return {
    url: formText(form, "url"),
    contactName: formText(form, "contactName"),
    contactEmail: formText(form, "contactEmail"),
  };
}

function noSuchCriterion(criterion: string) {
  return notFound({
    sv: `Kriteriet ${criterion} kan inte anges av organisationen.`,
    en: `The criterion ${criterion} cannot be declared by the organization.`,
  });
}

export function progressRoutes(web: Hono<WebEnv>, deps: ProgressRouteDependencies): void {
  const { registry, progress } = deps;

  pageRoute(web, "/progress", async (_c, language) => {
    const [{ national, leaderboard, all }, history, map, counties] = await Promise.all([
      progress.overview(),
      progress.history(),
      progress.kommunMap(),
      registry.listLan(),
    ]);
    const kommuner = all.flatMap((r) =>
      r.organization.kommunKod === null
        ? []
        : [
            {
              code: r.organization.kommunKod,
              name: r.organization.name,
              lanCode: r.organization.lanCode,
              level: r.level,
            },
          ],
    );
    return (
      <ProgressPage
        language={language}
        progress={national}
        history={history}
        leaderboard={leaderboard}
        map={map}
        kommuner={kommuner}
        counties={countyComparison(all, counties)}
      />
    );
  });

  pageRoute(web, "/progress/model", (_c, language) => <ModelPage language={language} />);

  pageRoute(web, "/progress/lan/:code", async (c, language) => {
    // An unknown or malformed code is the registry's 404, with how county codes look.
    const [county, map] = await Promise.all([progress.lan(c.req.param("code") ?? ""), progress.kommunMap()]);
    return <LanProgressPage language={language} {...county} map={map} />;
  });

  const organizationOf = (c: WebContext) => registry.getOrganization(c.req.param("code") ?? "");

  const criterionOf = (c: WebContext): DeclarableCriterion => {
    const criterion = c.req.param("criterion") ?? "";
    if (!isDeclarable(criterion)) throw noSuchCriterion(criterion);
    return criterion;
  };

  const accessOf = (c: WebContext, language: Language, organization: Organization): DeclarationsAccess => {
    const viewer = viewerOf(c);
    if (viewer === null)
      return {
        kind: "signed-out",
        signInHref: signInHref(language, localizedPath(language, readinessPath(organization.code))),
      };
    return viewerCan(viewer, "publish", organization.code)
      ? { kind: "may-declare", csrfToken: viewer.csrfToken }
      : { kind: "no-right" };
  };

  const readinessPage = async (
    c: WebContext,
    language: Language,
    organization: Organization,
    options: ReadinessOptions = {},
  ) => {
    const [card, stored] = await Promise.all([
      progress.scorecard(organization.code),
      progress.declarationsOf(organization.code),
    ]);
    const badgeUrl = `${siteOrigin(c, deps.publicUrl)}/api/v1/organizations/${organization.code}/badge.svg`;
    return htmlPage(
      c,
      language,
      <ReadinessPage
        language={language}
        card={card}
        badgeUrl={badgeUrl}
        declarations={{ access: accessOf(c, language, organization), stored, form: options.form }}
        notice={options.notice}
        errors={options.errors}
      />,
      options.status ?? 200,
      options.status === 400 ? { "Cache-Control": "no-store" } : {},
    );
  };

  pageRoute(web, "/organizations/:code/readiness", async (c, language) => {
    const organization = await organizationOf(c);
    const saved = c.req.query("saved");
    const withdrawn = c.req.query("withdrawn");
    const notice =
      saved !== undefined && isDeclarable(saved)
        ? ({ kind: "saved", criterion: saved } as const)
        : withdrawn !== undefined && isDeclarable(withdrawn)
          ? ({ kind: "withdrawn", criterion: withdrawn } as const)
          : undefined;
    return readinessPage(c, language, organization, { notice });
  });

  /**
   * Who may change an organization's declarations, checked before the body is read: nobody signed
   * out (the form's CSRF token cannot be right), a 403 page for a user without the publish right.
   */
  const guard = async (c: WebContext, language: Language) => {
    const organization = await organizationOf(c);
    const criterion = criterionOf(c);
    const path = readinessPath(organization.code);
    const viewer = viewerOf(c);
    if (viewer === null) return csrfRefused(c, language, path);
    if (!viewerCan(viewer, "publish", organization.code)) {
      const message = fill(messages(language).forbiddenDeclare, { organization: organization.name });
      return htmlPage(c, language, <ForbiddenPage language={language} path={path} message={message} />, 403, {
        "Cache-Control": "no-store",
      });
    }
    const form = await readForm(c);
    if (!csrfValid(c, form, "session")) return csrfRefused(c, language, path);
    const audit = { actor: actorOf(viewer.user), fromAddress: clientAddress(c) };
    return { organization, criterion, path, form, audit };
  };

  postRoute(web, "/organizations/:code/readiness/declarations/:criterion", async (c, language) => {
    const checked = await guard(c, language);
    if (checked instanceof Response) return checked;
    const { organization, criterion, path, form, audit } = checked;
    const values = declarationValues(form);
    const problems = declarationProblems(criterion, values);
    if (problems.length > 0) {
      return readinessPage(c, language, organization, {
        status: 400,
        form: { criterion, values },
        errors: declarationErrors(criterion, problems, language),
      });
    }
    await progress.declare(organization.code, criterion, values, audit);
    return seeOther(c, language, `${path}?saved=${criterion}#${declarationAnchor(criterion)}`);
  });

  postRoute(web, "/organizations/:code/readiness/declarations/:criterion/withdraw", async (c, language) => {
    const checked = await guard(c, language);
    if (checked instanceof Response) return checked;
    const { organization, criterion, path, audit } = checked;
    await progress.withdraw(organization.code, criterion, audit);
    return seeOther(c, language, `${path}?withdrawn=${criterion}#${declarationAnchor(criterion)}`);
  });
}
