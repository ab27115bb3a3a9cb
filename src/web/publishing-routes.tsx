// An organization's publications, one publication's history, a release (the receipt, or the
// report of a rejected file), and the publish form. Rejected files are for the organization and
// its coordinators only; publishing needs the publish right and the session's CSRF token.
import type { Hono } from "hono";
import { actorOf } from "../accounts/index.ts";
import { isAppError, isUuid, notFound, SLUG, type Language } from "../core/index.ts";
import {
  validRowsPublishable,
  type Publication,
  type PublishingService,
  type Release,
} from "../publishing/index.ts";
import type { Organization, RegistryService } from "../registry/index.ts";
import type { SpecsService } from "../specs/index.ts";
import type { FieldProblem } from "./forms.tsx";
import { fill, formatMegabytes, messages } from "./i18n.ts";
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
  signInRedirect,
  siteOrigin,
  viewerOrSignIn,
  type WebContext,
} from "./kit.tsx";
import { declaredSizeLimit, readUploadForm, type UploadForm } from "./multipart.ts";
import { ForbiddenPage } from "./pages/forbidden.tsx";
import {
  PublicationPage,
  publicationPath,
  PublicationsPage,
  ReleasePage,
  releasePath,
  publishPath,
  type PublicationRow,
} from "./pages/publications.tsx";
import { PUBLISH_FIELDS, PublishPage, type PublishOption } from "./pages/publish.tsx";
import { confirmPath } from "./pages/releases.tsx";
import { releaseRoutes } from "./release-routes.tsx";
import { viewerCan, viewerOf, type Viewer, type WebEnv } from "./viewer.ts";

export interface PublishingRouteDependencies {
  readonly registry: RegistryService;
  readonly specs: SpecsService;
  readonly publishing: PublishingService;
  readonly maxUploadBytes: number;
  readonly publicUrl: string | undefined;
}

/** Room in a form upload for the multipart framing and the other fields, beyond the file itself. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

function noSuchRelease(id: string) {
  return notFound({ sv: `Det finns ingen release med id ${id}.`, en: `There is no release with id ${id}.` });
}

export function publishingRoutes(web: Hono<WebEnv>, deps: PublishingRouteDependencies): void {
  const { registry, specs, publishing, maxUploadBytes } = deps;
  releaseRoutes(web, deps);
  /** Where a release leads: its receipt, or the confirm page when it was held. */
  const afterPublish = (release: Release) =>
    release.status === "held" ? confirmPath(release) : releasePath(release);

  const organizationOf = (c: WebContext) => registry.getOrganization(c.req.param("code") ?? "");

  /** The publication, or null when the organization never published the specification. */
  const publicationOrNull = async (code: string, slug: string): Promise<Publication | null> => {
    try {
      return await publishing.getPublication(code, slug);
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND") return null;
      throw error;
    }
  };

  /** What the organization can publish: any specification, those expected of it first (the domain's rule). */
  const publishOptions = async (organization: Organization, language: Language): Promise<PublishOption[]> =>
    (await publishing.publishableDatasets(organization.code)).map((dataset) => ({
      slug: dataset.slug,
      name: dataset.title[language],
      expected: dataset.expected,
    }));

  const forbidden = (c: WebContext, language: Language, path: string, message: string, close = false) =>
    htmlPage(c, language, <ForbiddenPage language={language} path={path} message={message} />, 403, {
      "Cache-Control": "no-store",
      ...(close ? { Connection: "close" } : {}),
    });

  pageRoute(web, "/organizations/:code/publications", async (c, language) => {
    const organization = await organizationOf(c);
    const viewer = viewerOf(c);
    const [entries, publications, summaries] = await Promise.all([
      specs.expectedDatasets(organization),
      publishing.listPublications({ organizationCode: organization.code }),
      specs.listSpecifications(),
    ]);
    const bySlug = new Map(publications.map((p) => [p.slug, p]));
    const rows: PublicationRow[] = entries.map((entry) => ({
      slug: entry.slug,
      name: entry.name[language],
      publication: bySlug.get(entry.slug) ?? null,
    }));
    // A specification published though not expected of this kind of organization is listed too.
    for (const publication of publications) {
      if (rows.some((row) => row.slug === publication.slug)) continue;
      const summary = summaries.find((s) => s.slug === publication.slug);
      rows.push({ slug: publication.slug, name: summary?.title[language] ?? publication.slug, publication });
    }
    return (
      <PublicationsPage
        language={language}
        organization={organization}
        rows={rows}
        mayRead={viewerCan(viewer, "read", organization.code)}
        mayPublish={viewerCan(viewer, "publish", organization.code)}
      />
    );
  });

  pageRoute(web, "/organizations/:code/publications/:slug", async (c, language) => {
    const organization = await organizationOf(c);
    const slug = c.req.param("slug") ?? "";
    if (!SLUG.test(slug))
      throw notFound({
        sv: `Det finns ingen specifikation ${slug}.`,
        en: `There is no specification ${slug}.`,
      });
    const spec = await specs.getSpecification(slug);
    const viewer = viewerOf(c);
    const mayRead = viewerCan(viewer, "read", organization.code);
    const publication = await publicationOrNull(organization.code, slug);
    const releases =
      publication === null ? [] : await publishing.visibleReleases(organization.code, slug, viewer?.user);
    // After "fetch now": the job, for its state (only the organization's own people see it).
    const fetchId = c.req.query("fetch") ?? "";
    const fetch =
      mayRead && isUuid(fetchId)
        ? await publishing.getFetch(fetchId).then(
            (job) => (job.organizationCode === organization.code && job.slug === slug ? job : undefined),
            () => undefined,
          )
        : undefined;
    return (
      <PublicationPage
        language={language}
        organization={organization}
        spec={spec}
        publication={publication}
        releases={releases}
        mayRead={mayRead}
        mayPublish={viewerCan(viewer, "publish", organization.code)}
        origin={siteOrigin(c, deps.publicUrl)}
        fetch={fetch}
        csrfToken={viewer?.csrfToken}
      />
    );
  });

  // "Fetch now" on a URL source: starts the fetch as a job (or finds the running one) and goes
  // straight back to the publication, which tells how the job goes; the source may trickle on.
  postRoute(web, "/organizations/:code/publications/:slug/fetch", async (c, language) => {
    const organization = await organizationOf(c);
    const slug = c.req.param("slug") ?? "";
    const path = publicationPath(organization.code, slug);
    const viewer = viewerOf(c);
    if (viewer === null || !SLUG.test(slug)) return csrfRefused(c, language, path);
    if (!csrfValid(c, await readForm(c), "session")) return csrfRefused(c, language, path);
    if (!viewerCan(viewer, "publish", organization.code)) {
      const t = messages(language);
      return forbidden(
        c,
        language,
        path,
        fill(t.forbiddenPublish, { organization: organization.name }),
        true,
      );
    }
    const { job } = await publishing.startFetch(organization.code, slug, {
      actor: `user:${viewer.user.id}`,
      fromAddress: clientAddress(c),
    });
    return seeOther(c, language, `${path}?fetch=${job.id}#source-heading`);
  });

  pageRoute(web, "/organizations/:code/publications/:slug/releases/:id", async (c, language) => {
    const t = messages(language);
    const organization = await organizationOf(c);
    const slug = c.req.param("slug") ?? "";
    const id = c.req.param("id") ?? "";
    if (!isUuid(id)) throw noSuchRelease(id);
    const viewer = viewerOf(c);
    let release: Release;
    try {
      // Who may see a rejected file is the publishing module's rule, the API's too.
      release = await publishing.visibleRelease(id, viewer?.user, {
        organizationCode: organization.code,
        slug,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === "UNAUTHORIZED") return signInRedirect(c, language);
      if (error.code !== "FORBIDDEN") throw error;
      const path = `${publicationPath(organization.code, slug)}/releases/${id}`;
      return forbidden(c, language, path, fill(t.forbiddenRead, { organization: organization.name }));
    }
    const [report, spec, publication] = await Promise.all([
      publishing.getReleaseReport(id),
      specs.getSpecification(slug, release.specVersion),
      publicationOrNull(organization.code, slug),
    ]);
    const mayPublish = viewer !== null && viewerCan(viewer, "publish", organization.code);
    const isLatest = publication?.latestRelease?.id === release.id;
    return (
      <ReleasePage
        language={language}
        organization={organization}
        spec={spec}
        release={release}
        report={report}
        mayPublish={mayPublish}
        validRows={
          mayPublish && isLatest && release.status === "rejected"
            ? { csrfToken: viewer.csrfToken, possible: validRowsPublishable(report) }
            : undefined
        }
      />
    );
  });

  const publishForm = async (
    c: WebContext,
    language: Language,
    organization: Organization,
    viewer: Viewer,
    options: { status?: 200 | 400 | 413; selected?: string | undefined; errors?: FieldProblem[] } = {},
  ) =>
    htmlPage(
      c,
      language,
      <PublishPage
        language={language}
        organization={organization}
        options={await publishOptions(organization, language)}
        selected={options.selected}
        csrfToken={viewer.csrfToken}
        maxUploadBytes={maxUploadBytes}
        errors={options.errors}
      />,
      options.status ?? 200,
      // A refused upload may still be on the socket: the browser must not reuse the connection.
      options.status === 413
        ? { Connection: "close", "Cache-Control": "no-store" }
        : { "Cache-Control": "no-store" },
    );

  pageRoute(web, "/organizations/:code/publish", async (c, language) => {
    const t = messages(language);
    const organization = await organizationOf(c);
    const viewer = viewerOrSignIn(c, language);
    if (viewer instanceof Response) return viewer;
    if (!viewerCan(viewer, "publish", organization.code)) {
      return forbidden(
        c,
        language,
        publishPath(organization.code),
        fill(t.forbiddenPublish, { organization: organization.name }),
      );
    }
    return publishForm(c, language, organization, viewer, { selected: c.req.query("spec") });
  });

  /** What the publish form's POST does once the upload is read and its CSRF token checked. */
  const publishUpload = async (
    c: WebContext,
    language: Language,
    organization: Organization,
    viewer: Viewer,
    form: UploadForm,
    fromAddress: string | null,
  ): Promise<Response> => {
    const t = messages(language);
    // The valid rows of a rejected file, read again from the store: nothing is uploaded twice.
    const releaseId = formText(form, "release");
    if (releaseId !== "") {
      if (!isUuid(releaseId)) throw noSuchRelease(releaseId);
      // A release of another organization is not found from this one's form.
      if ((await publishing.getRelease(releaseId)).organizationCode !== organization.code) {
        throw noSuchRelease(releaseId);
      }
      const release = await publishing.publishValidRows(releaseId, viewer.user, fromAddress);
      return seeOther(c, language, afterPublish(release));
    }

    const options = await publishOptions(organization, language);
    const slug = formText(form, "spec");
    const file = form.file;
    const errors: FieldProblem[] = [];
    if (!options.some((o) => o.slug === slug))
      errors.push({ fieldId: PUBLISH_FIELDS.spec, message: t.publishErrorNoSpec });
    // No file chosen: browsers send an empty part with no file name.
    if (file === null || (file.name === "" && file.size === 0)) {
      errors.push({ fieldId: PUBLISH_FIELDS.file, message: t.publishErrorNoFile });
    } else if (file.size === 0) {
      errors.push({ fieldId: PUBLISH_FIELDS.file, message: t.validateErrorEmptyFile });
    }
    if (errors.length > 0 || file === null) {
      return publishForm(c, language, organization, viewer, { status: 400, selected: slug, errors });
    }
    const release: Release = await publishing.publish({
      organizationCode: organization.code,
      slug,
      body: file.open(),
      fileName: file.name.slice(0, 255),
      mode: "all",
      origin: "upload",
      audit: { actor: actorOf(viewer.user), fromAddress },
    });
    return seeOther(c, language, afterPublish(release));
  };

  const tooLarge = (c: WebContext, language: Language, organization: Organization, viewer: Viewer) =>
    publishForm(c, language, organization, viewer, {
      status: 413,
      errors: [
        {
          fieldId: PUBLISH_FIELDS.file,
          message: fill(messages(language).validateErrorTooLarge, {
            size: formatMegabytes(maxUploadBytes, language),
          }),
        },
      ],
    });

  postRoute(
    web,
    "/organizations/:code/publish",
    async (c, language) => {
      const t = messages(language);
      const organization = await organizationOf(c);
      const path = publishPath(organization.code);
      const viewer = viewerOf(c);
      // Refused before the body is read; the connection then closes, as for a 413.
      if (viewer === null) return csrfRefused(c, language, path, { Connection: "close" });
      if (!viewerCan(viewer, "publish", organization.code)) {
        return forbidden(
          c,
          language,
          path,
          fill(t.forbiddenPublish, { organization: organization.name }),
          true,
        );
      }
      const upload = await readUploadForm(c.req.raw, { fileField: "file", maxFileBytes: maxUploadBytes });
      if (upload.kind === "too-large") return tooLarge(c, language, organization, viewer);
      const { form } = upload;
      try {
        if (!csrfValid(c, form, "session")) return csrfRefused(c, language, path);
        return await publishUpload(c, language, organization, viewer, form, clientAddress(c));
      } finally {
        await form.dispose();
      }
    },
    // The file part is spooled to disk as it arrives (multipart.ts); a Content-Length over the
    // limit is refused before anything is read.
    (language) =>
      declaredSizeLimit<WebEnv>(maxUploadBytes + FORM_OVERHEAD_BYTES, async (c) => {
        const organization = await registry.getOrganization(c.req.param("code") ?? "");
        const viewer = viewerOf(c);
        if (viewer === null)
          return csrfRefused(c, language, publishPath(organization.code), { Connection: "close" });
        return tooLarge(c, language, organization, viewer);
      }),
  );
}
