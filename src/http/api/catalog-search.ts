// Catalog search: Swedish full text over every catalog entry, facet filters and facet counts. The
// query string's schema and cursor are the catalog module's (src/catalog/search-query.ts).
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  FACETS,
  nextCursor,
  SearchQuerySchema,
  searchQueryOf,
  type CatalogSearch,
  type CatalogSearchQuery,
  type CatalogSearchResult,
  type Facet,
} from "../../catalog/index.ts";
import type { Language } from "../../core/index.ts";
import type { AppEnv } from "../context.ts";
import { errorResponses, jsonResponse as json, listSchema } from "./schemas.ts";

const NamedSchema = z.object({ code: z.string(), name: z.string() });

const SearchHitSchema = z
  .object({
    id: z.string().openapi({ example: "0580.badplatser" }),
    kind: z.enum(["publication", "national", "harvested"]),
    iri: z.string().openapi({ description: "The dataset's IRI in the DCAT-AP-SE catalog" }),
    landingPage: z.string(),
    title: z.string().openapi({ example: "Badplatser – Linköpings kommun" }),
    description: z.string(),
    keywords: z.array(z.string()),
    organization: NamedSchema.nullable(),
    lan: NamedSchema.nullable(),
    themes: z.array(z.object({ code: z.string(), label: z.string() })),
    formats: z.array(z.string()).openapi({ example: ["CSV", "GEOJSON"] }),
    licence: z.object({ iri: z.string(), label: z.string() }).nullable(),
    specification: z.object({ slug: z.string(), title: z.string() }).nullable(),
    hvd: z.boolean(),
    modified: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("CatalogSearchHit");

const FacetValueSchema = z
  .object({
    value: z.string(),
    label: z.string(),
    count: z.number().int(),
    selected: z.boolean(),
  })
  .openapi("FacetValue");

const SearchResultSchema = listSchema(SearchHitSchema, "CatalogSearchPage")
  .extend({
    facets: z
      .object(
        Object.fromEntries(FACETS.map((f) => [f, z.array(FacetValueSchema)])) as Record<
          Facet,
          z.ZodArray<typeof FacetValueSchema>
        >,
      )
      .openapi({
        description: "Per facet, its values among all matches (the most common 50, and any selected)",
      }),
  })
  .openapi("CatalogSearchResult");

const searchRoute = createRoute({
  method: "get",
  path: "/catalog/datasets",
  tags: ["Catalog"],
  summary: "Sök i katalogen / Search the catalog",
  description:
    "Swedish full-text search over every dataset in the catalog (the platform's own and harvested ones): Swedish stems (badplats finds Badplatser), any diacritics (malmo finds Malmö), prefixes and parts of compounds, and a few words searchers use for the prioritized list's datasets (badstrand finds Badplatser, lekpark Lekplatser). Facet filters (org, lan, theme, format, license, spec, hvd) take one or more values, repeated or comma-separated: any value of a facet matches, and every facet given must. The facet counts are over all matches.",
  request: { query: SearchQuerySchema },
  responses: {
    200: json(SearchResultSchema, "One page of matches, the exact total and the facet counts"),
    ...errorResponses([400, 503]),
  },
});

function resultBody(
  result: CatalogSearchResult,
  query: CatalogSearchQuery,
  language: Language,
): z.infer<typeof SearchResultSchema> {
  return {
    items: result.items.map((hit) => ({
      ...hit,
      keywords: [...hit.keywords],
      themes: [...hit.themes],
      formats: [...hit.formats],
      title: hit.title[language],
      description: hit.description[language],
      modified: hit.modified?.toISOString() ?? null,
    })),
    total: result.total,
    next: nextCursor(query, result.total),
    facets: Object.fromEntries(FACETS.map((f) => [f, [...result.facets[f]]])) as Record<
      Facet,
      z.infer<typeof FacetValueSchema>[]
    >,
  };
}

export function catalogSearchApi(search: CatalogSearch, publicUrl: (origin: string) => string) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(searchRoute, async (c) => {
    const language = c.get("language");
    const query = searchQueryOf(c.req.valid("query"), language);
    const result = await search.search(query, publicUrl(new URL(c.req.url).origin));
    return c.json(resultBody(result, query, language), 200, { Vary: "Accept-Language" });
  });
  return app;
}
