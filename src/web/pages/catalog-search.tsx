import type { CatalogSearchQuery, CatalogSearchResult, Facet, SearchHit } from "../../catalog/index.ts";
import { FACETS } from "../../catalog/index.ts";
import type { Language } from "../../core/index.ts";
import { countText, fill, formatDate, formatNumber, messages, type Messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";

export const CATALOG_SEARCH_PATH = "/catalog";
/** How much of a description a result shows. */
const DESCRIPTION_CHARS = 280;

export interface CatalogSearchPageProps {
  readonly language: Language;
  readonly query: CatalogSearchQuery;
  readonly result: CatalogSearchResult;
  /** The cursor of the next and previous pages, null where there is none. */
  readonly next: string | null;
  readonly previous: string | null;
  /** Whether the previous page is the first (its link carries no cursor). */
  readonly previousIsFirst: boolean;
  /** The site's origin: links to its own pages stay in the page's language. */
  readonly origin: string;
}

const facetLegend = (t: Messages): Record<Facet, string> => ({
  org: t.catalogFacetOrg,
  lan: t.catalogFacetLan,
  theme: t.catalogFacetTheme,
  format: t.catalogFacetFormat,
  license: t.catalogFacetLicense,
  spec: t.catalogFacetSpec,
  hvd: t.catalogFacetHvd,
});

/** The search as query parameters, so every link keeps what the user chose. */
export function searchParams(query: CatalogSearchQuery, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q !== "") params.set("q", query.q);
  for (const facet of FACETS) for (const value of query.filters[facet] ?? []) params.append(facet, value);
  if (query.sort !== (query.q === "" ? "title" : "relevance")) params.set("sort", query.sort);
  if (cursor !== undefined) params.set("cursor", cursor);
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query === "" ? path : `${path}?${query}`;
}

function shorten(text: string): string {
  if (text.length <= DESCRIPTION_CHARS) return text;
  const cut = text.slice(0, DESCRIPTION_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), DESCRIPTION_CHARS - 40))} …`;
}

/** The catalog search: a GET form (it works without JavaScript), facets as checkboxes, the hits. */
export function CatalogSearchPage(props: CatalogSearchPageProps) {
  const { language, query, result } = props;
  const t = messages(language);
  const path = localizedPath(language, CATALOG_SEARCH_PATH);
  const params = searchParams(query);
  const legends = facetLegend(t);
  const anyFilter = FACETS.some((f) => (query.filters[f]?.length ?? 0) > 0);
  return (
    <Layout
      language={language}
      title={query.q === "" ? t.catalogSearchTitle : fill(t.catalogSearchTitleFor, { q: query.q })}
      path={CATALOG_SEARCH_PATH}
      query={params.toString() === "" ? "" : `?${params.toString()}`}
      section="data"
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.dataTitle, path: "/data" },
      ]}
    >
      <h1>{t.catalogSearchTitle}</h1>
      <p class="lead">{t.catalogSearchIntro}</p>
      <form class="filters catalog-search" method="get" action={path} role="search">
        <div class="filters__fields">
          <div class="field">
            <label for="catalog-q">{t.catalogSearchLabel}</label>
            <input
              id="catalog-q"
              name="q"
              type="search"
              value={query.q}
              maxlength={200}
              autocomplete="off"
              aria-describedby="catalog-q-hint"
            />
          </div>
          <div class="field">
            <label for="catalog-sort">{t.catalogSortLabel}</label>
            <select id="catalog-sort" name="sort">
              {(
                [
                  ["relevance", t.catalogSortRelevance],
                  ["title", t.catalogSortTitle],
                  ["modified", t.catalogSortModified],
                ] as const
              ).map(([value, label]) => (
                <option value={value} selected={query.sort === value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p id="catalog-q-hint" class="hint filters__hint">
          {t.catalogSearchHint}
        </p>
        <div class="filters__actions">
          <button type="submit">{t.catalogSearchButton}</button>
          {query.q !== "" || anyFilter ? <a href={path}>{t.filterReset}</a> : null}
        </div>

        <h2 id="facets-heading">{t.catalogFiltersHeading}</h2>
        <div class="facets">
          {FACETS.map((facet) => {
            const values = result.facets[facet];
            if (values.length === 0) return null;
            const open = values.some((v) => v.selected) || facet === "theme" || facet === "lan";
            return (
              <details class="facet" open={open}>
                <summary>{legends[facet]}</summary>
                <fieldset>
                  <legend class="visually-hidden">{legends[facet]}</legend>
                  <ul class="facet__values">
                    {values.map((v, i) => {
                      const id = `facet-${facet}-${i}`;
                      return (
                        <li>
                          <input type="checkbox" id={id} name={facet} value={v.value} checked={v.selected} />
                          <label for={id}>
                            {v.label} <span class="facet__count">({formatNumber(v.count, language)})</span>
                          </label>
                        </li>
                      );
                    })}
                  </ul>
                </fieldset>
              </details>
            );
          })}
        </div>
        {FACETS.some((f) => result.facets[f].length > 0) ? (
          <div class="filters__actions">
            <button type="submit">{t.catalogFilterButton}</button>
          </div>
        ) : null}
      </form>

      <h2 id="hits-heading" class="result-count" role="status">
        {countText(t.catalogHits, result.total, language)}
      </h2>
      {result.total === 0 ? <p>{t.catalogNoHits}</p> : null}
      <ol class="search-hits" aria-labelledby="hits-heading" start={query.offset + 1}>
        {result.items.map((hit) => (
          <Hit hit={hit} language={language} t={t} origin={props.origin} />
        ))}
      </ol>
      {props.next === null && props.previous === null ? null : (
        <nav class="pager" aria-label={t.catalogPagingLabel}>
          <ul class="inline-list">
            {props.previous === null ? null : (
              <li>
                <a
                  href={withQuery(
                    path,
                    searchParams(query, props.previousIsFirst ? undefined : props.previous),
                  )}
                  rel="prev"
                >
                  {t.catalogPreviousPage}
                </a>
              </li>
            )}
            {props.next === null ? null : (
              <li>
                <a href={withQuery(path, searchParams(query, props.next))} rel="next">
                  {t.dataNextPage}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
      <h2>{t.catalogMachineHeading}</h2>
      <p>
        {t.catalogMachineText}{" "}
        <a href={`/api/v1/catalog/datasets${withQuery("", params)}`}>{t.catalogMachineApi}</a>,{" "}
        <a href="/catalog.rdf">RDF/XML</a>, <a href="/catalog.ttl">Turtle</a>,{" "}
        <a href="/catalog.jsonld">JSON-LD</a>.
      </p>
    </Layout>
  );
}

function Hit(props: { hit: SearchHit; language: Language; t: Messages; origin: string }) {
  const { hit, language, t, origin } = props;
  const href = hit.landingPage.startsWith(`${origin}/`)
    ? localizedPath(language, hit.landingPage.slice(origin.length))
    : hit.landingPage;
  const publisher =
    hit.kind === "national" ? t.catalogNational : (hit.organization?.name ?? t.catalogUnknownPublisher);
  return (
    <li class="search-hit">
      <h3>
        <a href={href}>{hit.title[language]}</a>
      </h3>
      <p class="search-hit__meta">
        {publisher}
        {hit.lan === null ? null : <> · {hit.lan.name}</>}
        {hit.modified === null ? null : (
          <>
            {" "}
            · {t.catalogModified} {formatDate(hit.modified.toISOString().slice(0, 10), language)}
          </>
        )}
        {hit.kind === "harvested" ? <> · {t.catalogHarvested}</> : null}
      </p>
      <p>{shorten(hit.description[language])}</p>
      <dl class="search-hit__facts">
        {hit.formats.length === 0 ? null : (
          <div>
            <dt>{t.catalogFacetFormat}</dt>
            <dd>{hit.formats.join(", ")}</dd>
          </div>
        )}
        {hit.themes.length === 0 ? null : (
          <div>
            <dt>{t.catalogFacetTheme}</dt>
            <dd>{hit.themes.map((theme) => theme.label).join(", ")}</dd>
          </div>
        )}
        {hit.licence === null ? null : (
          <div>
            <dt>{t.catalogFacetLicense}</dt>
            <dd>{hit.licence.label}</dd>
          </div>
        )}
        {hit.hvd ? (
          <div>
            <dt>{t.catalogFacetHvd}</dt>
            <dd>{t.catalogYes}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
