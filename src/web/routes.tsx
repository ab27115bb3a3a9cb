import { Hono, type Context } from "hono";
import { etag } from "hono/etag";
import type { AccountsService } from "../accounts/index.ts";
import type { DatasetQueryService } from "../consolidation/index.ts";
import { SLUG, isLanKod, notFound, type AppError, type Language, type LanKod } from "../core/index.ts";
import type { PublishingService } from "../publishing/index.ts";
import {
  ORGANIZATION_TYPES,
  type Organization,
  type OrganizationFilter,
  type OrganizationType,
  type RegistryService,
} from "../registry/index.ts";
import type { SpecsService } from "../specs/index.ts";
import type { CatalogSearch, DescribedDatasets } from "../catalog/index.ts";
import type { ProgressService } from "../progress/index.ts";
import type { ValidationService } from "../validation/index.ts";
import { accountRoutes } from "./account-routes.tsx";
import { catalogRoutes } from "./catalog-routes.tsx";
import { dataRoutes } from "./data-routes.tsx";
import { describedRoutes } from "./described-routes.tsx";
import { fill, formatMegabytes, messages, nameCollator } from "./i18n.ts";
import { readOpenApiDocument } from "./openapi.ts";
import { AccessibilityPage } from "./pages/accessibility.tsx";
import { DocsPage } from "./pages/docs.tsx";
import { ErrorPage } from "./pages/error.tsx";
import { LanListPage, LanPage } from "./pages/lan.tsx";
import { htmlPage, pageRoute, renderDocument, type PageHandler } from "./kit.tsx";
import { OrganizationListPage, OrganizationPage } from "./pages/organizations.tsx";
import { SpecificationListPage, SpecificationPage, specificationPath } from "./pages/specifications.tsx";
import { StartPage } from "./pages/start.tsx";
import { ValidateFormPage, ValidationReportPage, VALIDATE_PATH, type FormError } from "./pages/validate.tsx";
import { ENGLISH_PREFIX, localizedPath, pathLanguage, safeSitePath, stripLanguage } from "./paths.ts";
import { priorityRoutes } from "./priority-routes.tsx";
import { progressRoutes } from "./progress-routes.tsx";
import { declaredSizeLimit, readUploadForm, type UploadForm } from "./multipart.ts";
import { FORM_OVERHEAD_BYTES, publishingRoutes } from "./publishing-routes.tsx";
import {
  LEAFLET_DIST_DIR,
  LEAFLET_PREFIX,
  leafletVersion,
  LONG_CACHE,
  readStaticFile,
  SHORT_CACHE,
  SITE_STATIC_DIR,
  siteAssetVersion,
  STATIC_PREFIX,
} from "./static.ts";
import type { WebEnv } from "./viewer.ts";

export type { WebEnv } from "./viewer.ts";
export { renderDocument } from "./kit.tsx";

export interface WebDependencies {
  readonly registry: RegistryService;
  readonly specs: SpecsService;
  readonly validation: ValidationService;
  readonly accounts: AccountsService;
  readonly publishing: PublishingService;
  readonly data: DatasetQueryService;
  readonly progress: ProgressService;
  readonly catalogSearch: CatalogSearch;
  readonly described: DescribedDatasets;
  readonly openApiDocument: () => unknown;
  /** The largest file the validation and publish pages take, in bytes (MAX_UPLOAD_BYTES). */
  readonly maxUploadBytes: number;
  /** PUBLIC_URL: the origin in links the pages hand out; https here makes the cookies Secure. */
  readonly publicUrl?: string | undefined;
}

/** Longest search text taken from a query string (the API's limit too). */
const MAX_QUERY_LENGTH = 200;

function queryText(value: string | undefined): string {
  return (value ?? "").trim().slice(0, MAX_QUERY_LENGTH);
}

function isOrganizationType(value: string | undefined): value is OrganizationType {
  return ORGANIZATION_TYPES.some((type) => type === value);
}

/** Every organization that matches, following the cursor past one page. */
async function allOrganizations(
  registry: RegistryService,
  filter: Omit<OrganizationFilter, "limit" | "cursor">,
): Promise<Organization[]> {
  const items: Organization[] = [];
  let cursor: string | undefined;
  do {
    const page = await registry.listOrganizations({ ...filter, limit: 1000, cursor });
    items.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return items;
}

function byName(a: Organization, b: Organization): number {
  return nameCollator.compare(a.name, b.name);
}

// The same forms the API accepts; anything else is no page at all.
const VERSION = /^\d+\.\d+\.\d+$/;

/** The 404 for a specification path that cannot name one. */
function noSuchSpecification(slug: string, version?: string): AppError {
  const what = version === undefined ? slug : `${slug} ${version}`;
  return notFound({
    sv: `Det finns ingen specifikation ${what}.`,
    en: `There is no specification ${what}.`,
  });
}

/**
 * The server-rendered pages: Swedish at the plain path, English under /en. A page's language comes
 * from its path, never from Accept-Language, so every URL always shows the same language.
 */
export function webRoutes(deps: WebDependencies) {
  const { registry, specs, validation, progress, maxUploadBytes } = deps;
  const web = new Hono<WebEnv>();

  const page = (path: string, handler: PageHandler) => pageRoute(web, path, handler);

  // Static files. Leaflet first: its prefix is inside the site's.
  web.use(`${STATIC_PREFIX}*`, etag());
  const serveStatic = async (
    c: Context<WebEnv>,
    root: string,
    prefix: string,
    version: (file: string) => string,
  ) => {
    const relative = c.req.path.slice(prefix.length);
    const file = await readStaticFile(root, relative);
    if (file === null) return c.notFound();
    const requested = c.req.query("v");
    const cache = requested !== undefined && requested === version(relative) ? LONG_CACHE : SHORT_CACHE;
    return c.body(file.body, 200, { "Content-Type": file.contentType, "Cache-Control": cache });
  };
  web.get(`${LEAFLET_PREFIX}*`, (c) => serveStatic(c, LEAFLET_DIST_DIR, LEAFLET_PREFIX, leafletVersion));
  web.get(`${STATIC_PREFIX}*`, (c) => serveStatic(c, SITE_STATIC_DIR, STATIC_PREFIX, siteAssetVersion));

  page("/", async (c, language) => {
    const q = queryText(c.req.query("q"));
    const kommuner = await allOrganizations(registry, { type: "kommun" });
    const matches = q === "" ? kommuner : await allOrganizations(registry, { type: "kommun", q });
    return (
      <StartPage
        language={language}
        kommuner={kommuner}
        matching={new Set(matches.map((k) => k.code))}
        q={q}
      />
    );
  });

  page("/specifications", async (_c, language) => (
    <SpecificationListPage language={language} specifications={await specs.listSpecifications()} />
  ));

  // A specification's own address leads to its latest version, whose page never changes.
  for (const [route, language] of [
    ["/specifications/:slug", "sv"],
    [`${ENGLISH_PREFIX}/specifications/:slug`, "en"],
  ] as const) {
    web.get(route, async (c) => {
      const slug = c.req.param("slug");
      if (!SLUG.test(slug)) throw noSuchSpecification(slug);
      const latest = await specs.getSpecification(slug);
      return c.redirect(localizedPath(language, specificationPath(slug, latest.version)), 302);
    });
  }

  page("/specifications/:slug/:version", async (c, language) => {
    const slug = c.req.param("slug") ?? "";
    const version = c.req.param("version") ?? "";
    if (!SLUG.test(slug) || !VERSION.test(version)) throw noSuchSpecification(slug, version);
    const spec = await specs.getSpecification(slug, version);
    const summary = (await specs.listSpecifications()).find((s) => s.slug === slug);
    return <SpecificationPage language={language} spec={spec} versions={summary?.versions ?? [version]} />;
  });

  page("/organizations", async (c, language) => {
    const typeParam = c.req.query("type");
    const lanParam = c.req.query("lan");
    const type = isOrganizationType(typeParam) ? typeParam : undefined;
    const lan: LanKod | undefined = lanParam !== undefined && isLanKod(lanParam) ? lanParam : undefined;
    const q = queryText(c.req.query("q"));
    const [organizations, lanList] = await Promise.all([
      allOrganizations(registry, { type, lan, q: q === "" ? undefined : q }),
      registry.listLan(),
    ]);
    return (
      <OrganizationListPage
        language={language}
        organizations={organizations.sort(byName)}
        lan={lanList}
        filter={{ type, lan, q }}
      />
    );
  });

  page("/organizations/:code", async (c, language) => {
    const organization = await registry.getOrganization(c.req.param("code") ?? "");
    const lan = await registry.getLan(organization.lanCode);
    return <OrganizationPage language={language} organization={organization} lan={lan} />;
  });

  page("/lan", async (_c, language) => <LanListPage language={language} lan={await registry.listLan()} />);

  page("/lan/:code", async (c, language) => (
    <LanPage language={language} lan={await registry.getLan(c.req.param("code") ?? "")} />
  ));

  page(VALIDATE_PATH, async (c, language) => (
    <ValidateFormPage
      language={language}
      specifications={await specs.listSpecifications()}
      selected={c.req.query("spec")}
      maxUploadBytes={maxUploadBytes}
    />
  ));

  /** The form again, with what is wrong at the top and beside the fields. */
  const formWithErrors = async (
    c: Context<WebEnv>,
    language: Language,
    errors: readonly FormError[],
    status: 400 | 413,
    selected?: string,
  ) => {
    // A refused upload may still be on the socket: the browser must not reuse the connection.
    const close: Record<string, string> = status === 413 ? { Connection: "close" } : {};
    return htmlPage(
      c,
      language,
      <ValidateFormPage
        language={language}
        specifications={await specs.listSpecifications()}
        selected={selected}
        maxUploadBytes={maxUploadBytes}
        errors={errors}
      />,
      status,
      { "Cache-Control": "no-store", ...close },
    );
  };

  const validateUpload = async (c: Context<WebEnv>, language: Language, form: UploadForm) => {
    const t = messages(language);
    const slug = (form.get("spec") ?? "").trim();
    const file = form.file;
    const errors: FormError[] = [];
    if (slug === "") errors.push({ field: "spec", message: t.validateErrorNoSpec });
    // No file chosen: browsers send an empty part with no file name.
    if (file === null || (file.name === "" && file.size === 0)) {
      errors.push({ field: "file", message: t.validateErrorNoFile });
    } else if (file.size === 0) {
      errors.push({ field: "file", message: t.validateErrorEmptyFile });
    }
    if (errors.length > 0 || file === null) return formWithErrors(c, language, errors, 400, slug);
    if (!SLUG.test(slug)) throw noSuchSpecification(slug);
    const spec = await specs.getSpecification(slug);
    const report = await validation.validate(file.open(), { slug, version: spec.version });
    return htmlPage(
      c,
      language,
      <ValidationReportPage
        language={language}
        report={report}
        spec={spec}
        fileName={file.name.slice(0, 200)}
        origin={new URL(c.req.url).origin}
      />,
      200,
      { "Cache-Control": "no-store" },
    );
  };

  for (const [route, language] of [
    [VALIDATE_PATH, "sv"],
    [`${ENGLISH_PREFIX}${VALIDATE_PATH}`, "en"],
  ] as const) {
    const t = messages(language);
    const tooLarge: FormError = {
      field: "file",
      message: fill(t.validateErrorTooLarge, { size: formatMegabytes(maxUploadBytes, language) }),
    };
    // The file part is spooled to disk as it arrives (multipart.ts), so memory stays flat; a file
    // over the limit stops the reading. A Content-Length over it is refused before anything is read.
    web.post(
      route,
      declaredSizeLimit<WebEnv>(maxUploadBytes + FORM_OVERHEAD_BYTES, (c) =>
        formWithErrors(c, language, [tooLarge], 413),
      ),
      async (c) => {
        const upload = await readUploadForm(c.req.raw, { fileField: "file", maxFileBytes: maxUploadBytes });
        if (upload.kind === "too-large") return formWithErrors(c, language, [tooLarge], 413);
        const { form } = upload;
        try {
          return await validateUpload(c, language, form);
        } finally {
          await form.dispose();
        }
      },
    );
  }

  page("/accessibility", (_c, language) => <AccessibilityPage language={language} />);

  page("/docs", (_c, language) => (
    <DocsPage language={language} doc={readOpenApiDocument(deps.openApiDocument())} />
  ));

  accountRoutes(web, { accounts: deps.accounts, registry, publicUrl: deps.publicUrl });
  publishingRoutes(web, {
    registry,
    specs,
    publishing: deps.publishing,
    maxUploadBytes,
    publicUrl: deps.publicUrl,
  });
  dataRoutes(web, {
    registry,
    specs,
    publishing: deps.publishing,
    data: deps.data,
    publicUrl: deps.publicUrl,
  });
  priorityRoutes(web, { specs, accounts: deps.accounts });
  progressRoutes(web, { registry, progress, publicUrl: deps.publicUrl });
  catalogRoutes(web, { catalogSearch: deps.catalogSearch, publicUrl: deps.publicUrl });
  describedRoutes(web, { registry, described: deps.described });

  return web;
}

export interface ErrorPageOptions {
  /** The request's path: the page then speaks the path's language and links to its twin. */
  readonly path?: string | undefined;
  /** Shown on internal errors, so a person can quote it. */
  readonly requestId?: string | undefined;
}

/**
 * The HTML page for an error, in the site's layout. With options.path it is in the path's
 * language (as the pages are); without, in the negotiated `language`.
 */
export function webErrorPage(error: AppError, language: Language, options: ErrorPageOptions = {}): string {
  const path = options.path === undefined ? undefined : safeSitePath(options.path);
  const pageLanguage = path === undefined ? language : pathLanguage(path);
  return renderDocument(
    <ErrorPage
      language={pageLanguage}
      error={error}
      path={path === undefined ? "/" : stripLanguage(path)}
      requestId={options.requestId}
    />,
  );
}
