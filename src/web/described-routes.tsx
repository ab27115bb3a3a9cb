// The guided form for datasets an organization publishes elsewhere: the list (public), and for a
// publisher of the organization a form to describe a new one, change or remove one.
import type { Hono } from "hono";
import { actorOf } from "../accounts/index.ts";
import type { Language } from "../core/index.ts";
import { parseDescription, type DescribedDatasets } from "../catalog/index.ts";
import type { Organization, RegistryService } from "../registry/index.ts";
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
  viewerOrSignIn,
  type WebContext,
} from "./kit.tsx";
import {
  DescribedFormPage,
  DescribedListPage,
  describedErrors,
  describedPath,
  formValuesOf,
  type DescribedFormValues,
} from "./pages/described.tsx";
import { ForbiddenPage } from "./pages/forbidden.tsx";
import { viewerCan, viewerOf, type Viewer, type WebEnv } from "./viewer.ts";

export interface DescribedRouteDependencies {
  readonly registry: RegistryService;
  readonly described: DescribedDatasets;
}

const FORM_FIELDS = [
  "titleSv",
  "titleEn",
  "descriptionSv",
  "descriptionEn",
  "keywords",
  "theme",
  "licence",
  "accessUrl",
  "downloadUrl",
  "format",
  "frequency",
  "landingPage",
  "contactEmail",
] as const;

export function describedRoutes(web: Hono<WebEnv>, deps: DescribedRouteDependencies): void {
  const { registry, described } = deps;
  const organizationOf = (c: WebContext) => registry.getOrganization(c.req.param("code") ?? "");

  pageRoute(web, "/organizations/:code/catalog/described", async (c, language) => {
    const organization = await organizationOf(c);
    const datasets = await described.list(organization.code);
    const saved = datasets.find((d) => d.id === c.req.query("saved"));
    const notice =
      saved !== undefined
        ? ({ kind: "saved", title: saved.description.title[language] || saved.description.title.sv } as const)
        : c.req.query("removed") === "1"
          ? ({ kind: "removed", title: "" } as const)
          : undefined;
    return (
      <DescribedListPage
        language={language}
        organization={organization}
        datasets={datasets}
        mayDescribe={viewerCan(viewerOf(c), "publish", organization.code)}
        notice={notice}
      />
    );
  });

  /** A signed-in publisher of the organization, or the answer for anyone else. */
  const publisherOf = (c: WebContext, language: Language, organization: Organization): Viewer | Response => {
    const viewer = viewerOrSignIn(c, language);
    if (viewer instanceof Response) return viewer;
    if (viewerCan(viewer, "publish", organization.code)) return viewer;
    const message = fill(messages(language).describedForbidden, { organization: organization.name });
    return htmlPage(
      c,
      language,
      <ForbiddenPage language={language} path={describedPath(organization.code)} message={message} />,
      403,
      { "Cache-Control": "no-store" },
    );
  };

  const formPage = (
    c: WebContext,
    language: Language,
    organization: Organization,
    viewer: Viewer,
    form: { id: string | null; values: DescribedFormValues; errors?: ReturnType<typeof describedErrors> },
  ) =>
    htmlPage(
      c,
      language,
      <DescribedFormPage
        language={language}
        organization={organization}
        csrfToken={viewer.csrfToken}
        id={form.id}
        values={form.values}
        errors={form.errors ?? []}
      />,
      form.errors === undefined || form.errors.length === 0 ? 200 : 400,
      { "Cache-Control": "no-store" },
    );

  pageRoute(web, "/organizations/:code/catalog/described/new", async (c, language) => {
    const organization = await organizationOf(c);
    const viewer = publisherOf(c, language, organization);
    if (viewer instanceof Response) return viewer;
    return formPage(c, language, organization, viewer, { id: null, values: {} });
  });

  pageRoute(web, "/organizations/:code/catalog/described/:id", async (c, language) => {
    const organization = await organizationOf(c);
    const viewer = publisherOf(c, language, organization);
    if (viewer instanceof Response) return viewer;
    const dataset = await described.get(organization.code, c.req.param("id") ?? "");
    return formPage(c, language, organization, viewer, { id: dataset.id, values: formValuesOf(dataset) });
  });

  /** The checks every POST passes before anything is read into the store. */
  const guard = async (c: WebContext, language: Language) => {
    const organization = await organizationOf(c);
    const viewer = viewerOf(c);
    if (viewer === null) return csrfRefused(c, language, describedPath(organization.code));
    const publisher = publisherOf(c, language, organization);
    if (publisher instanceof Response) return publisher;
    const form = await readForm(c);
    if (!csrfValid(c, form, "session")) return csrfRefused(c, language, describedPath(organization.code));
    return {
      organization,
      viewer,
      form,
      audit: { actor: actorOf(viewer.user), fromAddress: clientAddress(c) },
    };
  };

  const save = async (c: WebContext, language: Language, id: string | null) => {
    const checked = await guard(c, language);
    if (checked instanceof Response) return checked;
    const { organization, viewer, form, audit } = checked;
    const values = Object.fromEntries(FORM_FIELDS.map((name) => [name, formText(form, name)]));
    const parsed = parseDescription(values);
    if (!parsed.ok)
      return formPage(c, language, organization, viewer, {
        id,
        values,
        errors: describedErrors(parsed.problems, language),
      });
    const saved =
      id === null
        ? await described.create(organization.code, values, audit)
        : await described.update(organization.code, id, values, audit);
    return seeOther(c, language, `${describedPath(organization.code)}?saved=${saved.id}`);
  };

  postRoute(web, "/organizations/:code/catalog/described/new", (c, language) => save(c, language, null));
  postRoute(web, "/organizations/:code/catalog/described/:id", (c, language) =>
    save(c, language, c.req.param("id") ?? ""),
  );
  postRoute(web, "/organizations/:code/catalog/described/:id/delete", async (c, language) => {
    const checked = await guard(c, language);
    if (checked instanceof Response) return checked;
    const { organization, audit } = checked;
    await described.remove(organization.code, c.req.param("id") ?? "", audit);
    return seeOther(c, language, `${describedPath(organization.code)}?removed=1`);
  });
}
