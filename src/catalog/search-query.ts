// Catalog search's query string: the one parser the API and the search page share, and the paging
// cursor. Plain zod with `.meta`, so the API's OpenAPI document still describes each parameter.
import { z } from "zod";
import { decodeCursor, encodeCursor, type Language } from "../core/index.ts";
import { FACETS, SEARCH_SORTS, type CatalogSearchQuery, type Facet } from "./search.ts";

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

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .max(
      MAX_QUERY_LENGTH,
      `Sökfrågan är högst ${MAX_QUERY_LENGTH} tecken / The query is at most ${MAX_QUERY_LENGTH} characters`,
    )
    .optional()
    .meta({
      example: "badplats",
      description:
        "Swedish free text: stems, any diacritics, parts of compounds, common other words (badstrand finds badplats)",
    }),
  org: FacetValues.meta({ description: "Organization codes (kommunkod or county code)", example: "0580" }),
  lan: FacetValues.meta({ description: "County codes", example: "05" }),
  theme: FacetValues.meta({ description: "EU data-theme codes", example: "ENVI" }),
  format: FacetValues.meta({ description: "EU file-type codes", example: "CSV" }),
  license: FacetValues.meta({
    description: "Licence IRIs",
    example: "http://creativecommons.org/publicdomain/zero/1.0/",
  }),
  spec: FacetValues.meta({ description: "Specification slugs", example: "badplatser" }),
  hvd: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "High-value datasets only, or none of them" }),
  sort: z
    .enum(SEARCH_SORTS)
    .optional()
    .meta({ description: "relevance (default with q), title (default without), modified" }),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT.max).default(SEARCH_LIMIT.default),
  cursor: z.string().max(64).optional(),
});

export type SearchQueryInput = z.infer<typeof SearchQuerySchema>;

/** The parsed query string as a search; a cursor that is not ours is a BAD_REQUEST. */
export function searchQueryOf(input: SearchQueryInput, language: Language): CatalogSearchQuery {
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

/** The cursor of the page before this one, or null on the first. */
export function previousCursor(query: CatalogSearchQuery): string | null {
  return query.offset === 0 ? null : encodeCursor(String(Math.max(0, query.offset - query.limit)));
}
