// Catalog search: Swedish full text over every catalog entry, facet filters and facet counts.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  FACETS,
  SEARCH_SORTS,
  type CatalogSearch,
  type CatalogSearchQuery,
  type CatalogSearchResult,
  type Facet,
} from "../../catalog/index.ts";
import { decodeCursor, encodeCursor, type Language } from "../../core/index.ts";
import type { AppEnv } from "../context.ts";
import { errorResponses, jsonResponse as json, listSchema } from "./schemas.ts";

export const SEARCH_LIMIT = { default: 20, max: 100 } as const;
/** Deeper than this, ranked paging stops: narrow the search instead. */
export const MAX_SEARCH_OFFSET = 10_000;
const MAX_QUERY_LENGTH = 200;

/** `?theme=ENVI&theme=TRAN` or `?theme=ENVI,TRAN`: either way a list. */
const FacetValues = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    (value === undefined ? [] : Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v !== ""),
  )
  .pipe(
    z
      .array(
        z.string().max(200, "Ett facettvärde är högst 200 tecken / A facet value is at most 200 characters"),
      )
      .max(50, "Högst 50 värden per facett / At most 50 values per facet"),
  );

const SearchQuerySchema = z.object({
  q: z
    .string()
    .max(
      MAX_QUERY_LENGTH,
      `Sökfrågan är högst ${MAX_QUERY_LENGTH} tecken / The query is at most ${MAX_QUERY_LENGTH} characters`,
    )
    .optional()
    .openapi({
      example: "badplats",
      description:
        "Swedish free text: stems, any diacritics, parts of compounds, common other words (badstrand finds badplats)",
    }),
  org: FacetValues.openapi({ description: "Organization codes (kommunkod or county code)", example: "0580" }),
  lan: FacetValues.openapi({ description: "County codes", example: "05" }),
  theme: FacetValues.openapi({ description: "EU data-theme codes", example: "ENVI" }),
  format: FacetValues.openapi({ description: "EU file-type codes", example: "CSV" }),
  license: FacetValues.openapi({
    description: "Licence IRIs",
    example: "http://creativecommons.org/publicdomain/zero/1.0/",
  }),
  spec: FacetValues.openapi({ description: "Specification slugs", example: "badplatser" }),
  hvd: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "High-value datasets only, or none of them" }),
  sort: z
    .enum(SEARCH_SORTS)
    .optional()
    .openapi({ description: "relevance (default with q), title (default without), modified" }),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT.max).default(SEARCH_LIMIT.default),
  cursor: z.string().max(64).optional(),
});

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

/** The query string as a search: the one parser the API and the search page share. */
export function searchQueryOf(
  input: z.infer<typeof SearchQuerySchema>,
  language: Language,
): CatalogSearchQuery {
  const q = (input.q ?? "").trim();
  const offset =
    input.cursor === undefined
      ? 0
      : Number(
          decodeCursor(input.cursor, (key) => /^\d{1,5}$/.test(key) && Number(key) <= MAX_SEARCH_OFFSET),
        );
  const filters: Partial<Record<Facet, readonly string[]>> = {};
  for (const facet of FACETS) {
    const values = facet === "hvd" ? (input.hvd === undefined ? [] : [input.hvd]) : input[facet];
    if (values.length > 0) filters[facet] = values;
  }
  return {
    q,
    filters,
    sort: input.sort ?? (q === "" ? "title" : "relevance"),
    limit: input.limit,
    offset,
    language,
  };
}

/** The cursor of the page after this one, or null on the last (or past the deepest offset). */
export function nextCursor(query: CatalogSearchQuery, total: number): string | null {
  const next = query.offset + query.limit;
  return next < total && next <= MAX_SEARCH_OFFSET ? encodeCursor(String(next)) : null;
}

export { SearchQuerySchema };

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
