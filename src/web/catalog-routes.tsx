// The catalog search page: the API's search, read from the same query parameters, as a GET form.
import type { Hono } from "hono";
import {
  nextCursor,
  previousCursor,
  SearchQuerySchema,
  searchQueryOf,
  type CatalogSearch,
} from "../catalog/index.ts";
import { AppError } from "../core/index.ts";
import { pageRoute, siteOrigin } from "./kit.tsx";
import { CATALOG_SEARCH_PATH, CatalogSearchPage } from "./pages/catalog-search.tsx";
import type { WebEnv } from "./viewer.ts";

export interface CatalogRouteDependencies {
  readonly catalogSearch: CatalogSearch;
  readonly publicUrl: string | undefined;
}

/** Hits per page on the web. */
const PAGE_SIZE = 20;

export function catalogRoutes(web: Hono<WebEnv>, deps: CatalogRouteDependencies): void {
  pageRoute(web, CATALOG_SEARCH_PATH, async (c, language) => {
    const raw = Object.fromEntries(
      Object.entries(c.req.queries()).map(([key, values]) => [key, values.length === 1 ? values[0] : values]),
    );
    // A page never refuses its own links' parameters: what does not parse is left out.
    const parsed = SearchQuerySchema.safeParse({ ...raw, limit: String(PAGE_SIZE) });
    const input = parsed.success ? parsed.data : SearchQuerySchema.parse({ limit: String(PAGE_SIZE) });
    let query;
    try {
      query = searchQueryOf(input, language);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      query = searchQueryOf({ ...input, cursor: undefined }, language);
    }
    const origin = siteOrigin(c, deps.publicUrl);
    const result = await deps.catalogSearch.search(query, origin);
    return (
      <CatalogSearchPage
        language={language}
        query={query}
        result={result}
        next={nextCursor(query, result.total)}
        previous={previousCursor(query)}
        previousIsFirst={query.offset <= query.limit}
        origin={origin}
      />
    );
  });
}
