// The national datasets: the list, and one dataset's page with its filter (a GET form that works
// without JavaScript), a preview page of rows by the API's cursor, the map, downloads and the API.
import type { Hono } from "hono";
import { API_PAGING, type DatasetQueryService } from "../consolidation/index.ts";
import { SLUG, isKommunKod, isLanKod, notFound } from "../core/index.ts";
import type { PublishingService } from "../publishing/index.ts";
import type { RegistryService } from "../registry/index.ts";
import type { SpecsService } from "../specs/index.ts";
import { nameCollator } from "./i18n.ts";
import { pageRoute, siteOrigin } from "./kit.tsx";
import {
  DATA_PATH,
  DataListPage,
  DatasetPage,
  PREVIEW_ROWS,
  type DataFilterValues,
  type DatasetSummary,
} from "./pages/data.tsx";
import type { WebEnv } from "./viewer.ts";

export interface DataRouteDependencies {
  readonly registry: RegistryService;
  readonly specs: SpecsService;
  readonly publishing: PublishingService;
  readonly data: DatasetQueryService;
  readonly publicUrl: string | undefined;
}

const MAX_QUERY_LENGTH = 200;
const MAX_CURSOR_LENGTH = 2048;

export function dataRoutes(web: Hono<WebEnv>, deps: DataRouteDependencies): void {
  const { registry, specs, publishing, data, publicUrl } = deps;

  pageRoute(web, DATA_PATH, async (_c, language) => {
    const [summaries, publications] = await Promise.all([
      specs.listSpecifications(),
      publishing.listPublications(),
    ]);
    const datasets: DatasetSummary[] = await Promise.all(
      summaries.map(async (summary) => {
        // One row is enough: the page carries the exact total (cached per dataset revision).
        const page = await data.query(summary.slug, { limit: "1" }, { paging: API_PAGING });
        return {
          slug: summary.slug,
          title: summary.title[language],
          description: summary.description[language],
          rows: page.total,
          publishers: new Set(
            publications
              .filter((p) => p.slug === summary.slug && p.currentRelease !== null)
              .map((p) => p.organizationCode),
          ).size,
        };
      }),
    );
    return <DataListPage language={language} datasets={datasets} />;
  });

  pageRoute(web, `${DATA_PATH}/:slug`, async (c, language) => {
    const slug = c.req.param("slug") ?? "";
    if (!SLUG.test(slug)) {
      throw notFound({ sv: `Det finns ingen datamängd ${slug}.`, en: `There is no dataset ${slug}.` });
    }
    const spec = await specs.getSpecification(slug);
    const [kommunPage, lan, organizations] = await Promise.all([
      registry.listOrganizations({ type: "kommun", limit: 1000 }),
      registry.listLan(),
      registry.listOrganizations({ limit: 1000 }),
    ]);
    const kommuner = [...kommunPage.items].sort((a, b) => nameCollator.compare(a.shortName, b.shortName));
    // Only values the form offers: anything else is as if not chosen.
    const kommunParam = c.req.query("kommun");
    const lanParam = c.req.query("lan");
    const filter: DataFilterValues = {
      kommun:
        kommunParam !== undefined &&
        isKommunKod(kommunParam) &&
        kommuner.some((k) => (k.code as string) === kommunParam)
          ? kommunParam
          : undefined,
      lan:
        lanParam !== undefined && isLanKod(lanParam) && lan.some((l) => l.code === lanParam)
          ? lanParam
          : undefined,
      q: (c.req.query("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    };
    const cursorParam = c.req.query("cursor");
    const cursor =
      cursorParam !== undefined && cursorParam !== "" && cursorParam.length <= MAX_CURSOR_LENGTH
        ? cursorParam
        : undefined;
    const raw: Record<string, string> = { limit: String(PREVIEW_ROWS) };
    if (filter.kommun !== undefined) raw.kommun = filter.kommun;
    if (filter.lan !== undefined) raw.lan = filter.lan;
    if (filter.q !== "") raw.q = filter.q;
    if (cursor !== undefined) raw.cursor = cursor;
    const page = await data.query(slug, raw, { paging: API_PAGING });
    return (
      <DatasetPage
        language={language}
        spec={spec}
        filter={filter}
        cursor={cursor}
        items={page.items}
        total={page.total}
        next={page.next}
        kommuner={kommuner}
        lan={lan}
        organizations={new Map(organizations.items.map((o) => [o.code as string, o.name]))}
        origin={siteOrigin(c, publicUrl)}
      />
    );
  });
}
