// Nothing lost by accident, on the web: the confirm page of a held release, the rollback with its
// confirm step, and the diff between two releases. Thin: each calls the publishing service.
import type { Hono } from "hono";
import { notFound, type Language } from "../core/index.ts";
import type { PublishingService, Release } from "../publishing/index.ts";
import type { Organization, RegistryService } from "../registry/index.ts";
import type { SpecsService } from "../specs/index.ts";
import { fill, messages } from "./i18n.ts";
import {
  clientAddress,
  csrfRefused,
  csrfValid,
  htmlPage,
  pageRoute,
  postRoute,
  readForm,
  seeOther,
  signInRedirect,
  viewerOrSignIn,
  type WebContext,
} from "./kit.tsx";
import { ForbiddenPage } from "./pages/forbidden.tsx";
import { releasePath } from "./pages/publications.tsx";
import { ConfirmRemovalsPage, DiffPage, RestorePage } from "./pages/releases.tsx";
import { viewerCan, viewerOf, type Viewer, type WebEnv } from "./viewer.ts";

export interface ReleaseRouteDependencies {
  readonly registry: RegistryService;
  readonly specs: SpecsService;
  readonly publishing: PublishingService;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE = "/organizations/:code/publications/:slug/releases/:id";

function noSuchRelease(id: string) {
  return notFound({ sv: `Det finns ingen release med id ${id}.`, en: `There is no release with id ${id}.` });
}

export function releaseRoutes(web: Hono<WebEnv>, deps: ReleaseRouteDependencies): void {
  const { registry, specs, publishing } = deps;

  /** The organization and the release named by the path; a release of another publication is 404. */
  const target = async (c: WebContext): Promise<{ organization: Organization; release: Release }> => {
    const organization = await registry.getOrganization(c.req.param("code") ?? "");
    const id = c.req.param("id") ?? "";
    if (!UUID.test(id)) throw noSuchRelease(id);
    const release = await publishing.getRelease(id);
    if (release.organizationCode !== organization.code || release.slug !== c.req.param("slug")) {
      throw noSuchRelease(id);
    }
    return { organization, release };
  };

  const forbidden = (c: WebContext, language: Language, path: string, organization: Organization) =>
    htmlPage(
      c,
      language,
      <ForbiddenPage
        language={language}
        path={path}
        message={fill(messages(language).forbiddenPublish, { organization: organization.name })}
      />,
      403,
      { "Cache-Control": "no-store" },
    );

  /** A publisher of the organization, or the answer to give instead (sign in, 403). */
  const publisherOf = (
    c: WebContext,
    language: Language,
    organization: Organization,
    path: string,
  ): Viewer | Response => {
    const viewer = viewerOrSignIn(c, language);
    if (viewer instanceof Response) return viewer;
    return viewerCan(viewer, "publish", organization.code)
      ? viewer
      : forbidden(c, language, path, organization);
  };

  const auditOf = (c: WebContext, viewer: Viewer) => ({
    actor: `user:${viewer.user.id}`,
    fromAddress: clientAddress(c),
  });

  pageRoute(web, `${BASE}/confirm`, async (c, language) => {
    const { organization, release } = await target(c);
    const viewer = publisherOf(c, language, organization, `${releasePath(release)}/confirm`);
    if (viewer instanceof Response) return viewer;
    const [preview, spec] = await Promise.all([
      publishing.removalPreview(organization.code, release.slug, release.id),
      specs.getSpecification(release.slug, release.specVersion),
    ]);
    return htmlPage(
      c,
      language,
      <ConfirmRemovalsPage
        language={language}
        organization={organization}
        spec={spec}
        preview={preview}
        csrfToken={viewer.csrfToken}
      />,
      preview.confirmable ? 200 : 409,
      { "Cache-Control": "no-store" },
    );
  });

  postRoute(web, `${BASE}/confirm`, async (c, language) => {
    const { organization, release } = await target(c);
    const path = `${releasePath(release)}/confirm`;
    const form = await readForm(c);
    const viewer = viewerOf(c);
    if (viewer === null || !csrfValid(c, form, "session")) return csrfRefused(c, language, path);
    if (!viewerCan(viewer, "publish", organization.code)) return forbidden(c, language, path, organization);
    const confirmed = await publishing.confirmRelease(
      organization.code,
      release.slug,
      release.id,
      auditOf(c, viewer),
    );
    return seeOther(c, language, releasePath(confirmed));
  });

  pageRoute(web, `${BASE}/restore`, async (c, language) => {
    const { organization, release } = await target(c);
    const viewer = publisherOf(c, language, organization, `${releasePath(release)}/restore`);
    if (viewer instanceof Response) return viewer;
    const [publication, spec] = await Promise.all([
      publishing.getPublication(organization.code, release.slug),
      specs.getSpecification(release.slug, release.specVersion),
    ]);
    return (
      <RestorePage
        language={language}
        organization={organization}
        spec={spec}
        release={release}
        current={publication.currentRelease?.rows.published ?? 0}
        csrfToken={viewer.csrfToken}
      />
    );
  });

  postRoute(web, `${BASE}/restore`, async (c, language) => {
    const { organization, release } = await target(c);
    const path = `${releasePath(release)}/restore`;
    const form = await readForm(c);
    const viewer = viewerOf(c);
    if (viewer === null || !csrfValid(c, form, "session")) return csrfRefused(c, language, path);
    if (!viewerCan(viewer, "publish", organization.code)) return forbidden(c, language, path, organization);
    const restored = await publishing.restore(
      organization.code,
      release.slug,
      release.id,
      auditOf(c, viewer),
    );
    return seeOther(c, language, releasePath(restored));
  });

  pageRoute(web, `${BASE}/diff`, async (c, language) => {
    const { organization, release } = await target(c);
    const against = c.req.query("against") ?? "";
    if (!UUID.test(against)) throw noSuchRelease(against);
    const diff = await publishing.diff(release.id, against);
    const viewer = viewerOf(c);
    const hidden = [diff.release, diff.against].some((r) => r.status === "rejected" || r.status === "held");
    if (hidden && !viewerCan(viewer, "read", organization.code)) {
      // A held or rejected file may hold what the organization has not made public.
      if (viewer === null) return signInRedirect(c, language);
      return forbidden(c, language, releasePath(release), organization);
    }
    const spec = await specs.getSpecification(release.slug, release.specVersion);
    return <DiffPage language={language} organization={organization} spec={spec} diff={diff} />;
  });
}
