import type { DataItem, JsonValue } from "../../consolidation/index.ts";
import type { Language } from "../../core/index.ts";
import type { LanSummary, Organization } from "../../registry/index.ts";
import type { FieldDefinition, SpecificationDefinition, SpecificationVersion } from "../../specs/index.ts";
import { countText, fill, formatNumber, messages, type Messages } from "../i18n.ts";
import { Layout, MapRegion } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { CATALOG_SEARCH_PATH } from "./catalog-search.tsx";
import { specificationPath } from "./specifications.tsx";

export const DATA_PATH = "/data";
/** Rows per page of the preview. */
export const PREVIEW_ROWS = 50;

export function datasetPath(slug: string): string {
  return `${DATA_PATH}/${slug}`;
}

export interface DatasetSummary {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly rows: number;
  readonly publishers: number;
}

export interface DataListPageProps {
  readonly language: Language;
  readonly datasets: readonly DatasetSummary[];
}

/** Every specification as a national dataset: rows and publishing organizations. */
export function DataListPage({ language, datasets }: DataListPageProps) {
  const t = messages(language);
  return (
    <Layout language={language} title={t.dataTitle} path={DATA_PATH} section="data">
      <h1>{t.dataTitle}</h1>
      {t.dataIntro.map((text) => (
        <p>{text}</p>
      ))}
      <p>
        {t.dataCatalogText} <a href={localizedPath(language, CATALOG_SEARCH_PATH)}>{t.dataCatalogLink}</a>
      </p>
      <div class="table-scroll" role="region" aria-labelledby="datasets-caption" tabindex={0}>
        <table>
          <caption id="datasets-caption">{t.dataCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnDataset}</th>
              <th scope="col">{t.columnDescription}</th>
              <th scope="col" class="numeric">
                {t.reportRows}
              </th>
              <th scope="col" class="numeric">
                {t.columnPublishers}
              </th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((dataset) => (
              <tr>
                <th scope="row">
                  <a href={localizedPath(language, datasetPath(dataset.slug))}>{dataset.title}</a>
                </th>
                <td>{dataset.description}</td>
                <td class="numeric">{formatNumber(dataset.rows, language)}</td>
                <td class="numeric">{formatNumber(dataset.publishers, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export interface DataFilterValues {
  readonly kommun: string | undefined;
  readonly lan: string | undefined;
  readonly q: string;
}

/** The filter as query parameters (the page's, the API's and the downloads' alike). */
export function dataFilterParams(filter: DataFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.kommun !== undefined) params.set("kommun", filter.kommun);
  if (filter.lan !== undefined) params.set("lan", filter.lan);
  if (filter.q !== "") params.set("q", filter.q);
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query === "" ? path : `${path}?${query}`;
}

/** The location fields, which the table shows as one column. */
function positionFields(definition: SpecificationDefinition): Set<string> {
  const geo = definition.schema.geo;
  if (geo === undefined) return new Set();
  return geo.kind === "wgs84"
    ? new Set([geo.latitude, geo.longitude])
    : new Set([
        geo.northing,
        geo.easting,
        ...(geo.crsField === undefined ? [] : [geo.crsField]),
        ...(geo.height === undefined ? [] : [geo.height]),
      ]);
}

/**
 * A few key columns for the preview: the primary key (without the publisher, shown as its own
 * column), the field that names the row, then the next fields, three in all.
 */
export function keyFields(definition: SpecificationDefinition): FieldDefinition[] {
  const fields = definition.schema.fields;
  const skip = positionFields(definition);
  const usable = fields.filter((f) => f.reference !== "organization" && !skip.has(f.name));
  const chosen: FieldDefinition[] = [];
  const add = (field: FieldDefinition | undefined) => {
    if (field !== undefined && chosen.length < 3 && !chosen.includes(field)) chosen.push(field);
  };
  const key = definition.schema.primaryKey ?? [];
  for (const name of key) if (chosen.length < 2) add(usable.find((f) => f.name === name));
  add(usable.find((f) => /(^|_)(name|namn)$/.test(f.name)));
  for (const field of usable) add(field);
  return chosen;
}

function fieldTitle(field: FieldDefinition, language: Language): string {
  return field.titles[language];
}

function cellText(value: JsonValue | undefined, t: Messages): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? t.yes : t.no;
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

function position(item: DataItem, t: Messages): string {
  if (item.geometry === null) return t.dataNoPosition;
  const [lon, lat] = item.geometry.coordinates;
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

export interface DatasetPageProps {
  readonly language: Language;
  readonly spec: SpecificationVersion;
  readonly filter: DataFilterValues;
  readonly cursor: string | undefined;
  readonly items: readonly DataItem[];
  readonly total: number;
  readonly next: string | null;
  readonly kommuner: readonly Organization[];
  readonly lan: readonly LanSummary[];
  /** Organization names by code, for the table. */
  readonly organizations: ReadonlyMap<string, string>;
  /** The site's origin for the curl lines and the JSON-LD. */
  readonly origin: string;
}

/** What a schema.org Dataset says: the same shape for a national dataset and a publication. */
export interface SchemaOrgDataset {
  readonly language: Language;
  readonly spec: SpecificationVersion;
  readonly origin: string;
  /** The page's own path (without language prefix). */
  readonly path: string;
  readonly name: string;
  readonly place: string;
  readonly publisher: { readonly name: string; readonly path: string };
  /** The downloads: an API path (`/api/v1/…`) without its extension. */
  readonly downloads: string;
}

const DOWNLOAD_TYPES = [
  ["csv", "text/csv"],
  ["geojson", "application/geo+json"],
  ["json", "application/json"],
] as const;

/** The schema.org Dataset for search engines and dataset search, as JSON-LD in a script element. */
export function schemaOrgDataset(dataset: SchemaOrgDataset): string {
  const { language, spec, origin } = dataset;
  const document = {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: dataset.name,
    description: spec.definition.description[language],
    url: `${origin}${localizedPath(language, dataset.path)}`,
    inLanguage: language,
    isAccessibleForFree: true,
    license: "https://creativecommons.org/publicdomain/zero/1.0/",
    isBasedOn: `${origin}${localizedPath(language, specificationPath(spec.slug, spec.version))}`,
    version: spec.version,
    spatialCoverage: { "@type": "Place", name: dataset.place },
    publisher: {
      "@type": "Organization",
      name: dataset.publisher.name,
      url: `${origin}${dataset.publisher.path}`,
    },
    distribution: DOWNLOAD_TYPES.map(([extension, type]) => ({
      "@type": "DataDownload",
      encodingFormat: type,
      contentUrl: `${origin}${dataset.downloads}.${extension}`,
    })),
  };
  // JSON in a script element: "<" escaped, so no text in it can end the element.
  return JSON.stringify(document).replace(/</g, "\\u003c");
}

/** The national dataset as schema.org sees it. */
export function datasetJsonLd(props: Pick<DatasetPageProps, "language" | "spec" | "origin">): string {
  const { language, spec, origin } = props;
  return schemaOrgDataset({
    language,
    spec,
    origin,
    path: datasetPath(spec.slug),
    name: spec.definition.title[language],
    place: language === "sv" ? "Sverige" : "Sweden",
    publisher: { name: "Dataverkstad", path: "/" },
    downloads: `/api/v1/data/${spec.slug}/download`,
  });
}

/** A national dataset: filters, a preview page of rows (map and table), downloads and the API. */
export function DatasetPage(props: DatasetPageProps) {
  const { language, spec, filter, items, total } = props;
  const t = messages(language);
  const definition = spec.definition;
  const title = definition.title[language];
  const path = datasetPath(spec.slug);
  const params = dataFilterParams(filter);
  const pageQuery = withQuery(
    "",
    new URLSearchParams([...params, ...(props.cursor === undefined ? [] : [["cursor", props.cursor]])]),
  );
  const fields = keyFields(definition);
  const spatial = definition.schema.geo !== undefined;
  const apiParams = new URLSearchParams(params);
  const geojsonParams = new URLSearchParams([
    ...params,
    ["format", "geojson"],
    ["limit", String(PREVIEW_ROWS)],
    ...(props.cursor === undefined ? [] : [["cursor", props.cursor]]),
  ]);
  const apiBase = `/api/v1/data/${spec.slug}`;
  const anyDemo = items.some((item) => item.demo);
  const withPosition = items.filter((item) => item.geometry !== null).length;
  const kommunName = new Map(props.kommuner.map((k) => [k.code as string, k.shortName]));
  const ogcItems = `${props.origin}/ogc/collections/${spec.slug}/items?f=json&limit=${PREVIEW_ROWS}`;
  return (
    <Layout
      language={language}
      title={title}
      path={path}
      query={pageQuery}
      section="data"
      map={spatial && withPosition > 0}
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.dataTitle, path: DATA_PATH },
      ]}
      head={<script type="application/ld+json" dangerouslySetInnerHTML={{ __html: datasetJsonLd(props) }} />}
    >
      <h1>{title}</h1>
      <p class="lead">{definition.description[language]}</p>
      <p>
        <a href={localizedPath(language, specificationPath(spec.slug, spec.version))}>
          {fill(t.reportSpecLink, { title, version: spec.version })}
        </a>
      </p>

      <form class="filters" method="get" action={localizedPath(language, path)}>
        <fieldset>
          <legend>{t.filterLegend}</legend>
          <div class="filters__fields">
            <div class="field">
              <label for="filter-kommun">{t.typeKommun}</label>
              <select id="filter-kommun" name="kommun">
                <option value="" selected={filter.kommun === undefined}>
                  {t.dataFilterKommunAll}
                </option>
                {props.kommuner.map((k) => (
                  <option value={k.code} selected={filter.kommun === k.code}>
                    {k.shortName}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="filter-lan">{t.filterLan}</label>
              <select id="filter-lan" name="lan">
                <option value="" selected={filter.lan === undefined}>
                  {t.filterLanAll}
                </option>
                {props.lan.map((l) => (
                  <option value={l.code} selected={filter.lan === l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="filter-q">{t.dataFilterQ}</label>
              <input
                id="filter-q"
                name="q"
                type="search"
                value={filter.q}
                maxlength={200}
                autocomplete="off"
                aria-describedby="filter-q-hint"
              />
            </div>
          </div>
          <p id="filter-q-hint" class="hint filters__hint">
            {t.dataFilterQHint}
          </p>
          <div class="filters__actions">
            <button type="submit">{t.filterSubmit}</button>
            <a href={localizedPath(language, path)}>{t.filterReset}</a>
          </div>
        </fieldset>
      </form>

      <p class="result-count" role="status">
        {countText(t.dataCount, total, language)}
      </p>
      {total === 0 && params.toString() === "" ? <p>{t.dataNoRows}</p> : null}
      {anyDemo ? <p class="note">{t.demoNote}</p> : null}

      {spatial && withPosition > 0 ? (
        <>
          <h2 id="map-heading">{t.dataMapHeading}</h2>
          <p id="map-note">{t.dataMapNote}</p>
          <MapRegion
            language={language}
            id="data-map"
            label={fill(t.boundaryMapLabel, { name: title })}
            describedBy="map-note"
            geojsonUrl={`${apiBase}?${geojsonParams.toString()}`}
            backgroundUrl="/api/v1/boundaries/lan"
            labelField={fields.find((f) => /(^|_)(name|namn)$/.test(f.name))?.name}
            attribution={t.dataMapAttribution}
            size="large"
          />
        </>
      ) : null}

      {items.length === 0 ? null : (
        <>
          <h2>{t.dataTableHeading}</h2>
          <div class="table-scroll" role="region" aria-labelledby="rows-caption" tabindex={0}>
            <table class="data-rows">
              <caption id="rows-caption">
                {fill(t.dataTableCaption, {
                  shown: formatNumber(items.length, language),
                  total: formatNumber(total, language),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.columnRowId}</th>
                  {fields.map((field) => (
                    <th scope="col">{fieldTitle(field, language)}</th>
                  ))}
                  <th scope="col">{t.columnOrganization}</th>
                  <th scope="col">{t.typeKommun}</th>
                  {spatial ? <th scope="col">{t.columnPosition}</th> : null}
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr>
                    <th scope="row">
                      <code>{item.id}</code>
                      {item.demo ? (
                        <>
                          {" "}
                          <strong class="badge">{t.demoLabel}</strong>
                        </>
                      ) : null}
                    </th>
                    {fields.map((field) => (
                      <td>{cellText(item.properties[field.name], t)}</td>
                    ))}
                    <td>
                      <a
                        href={localizedPath(
                          language,
                          `/organizations/${item.organization}/publications/${spec.slug}`,
                        )}
                      >
                        {props.organizations.get(item.organization) ?? item.organization}
                      </a>
                    </td>
                    <td>{item.kommun === null ? "–" : (kommunName.get(item.kommun) ?? item.kommun)}</td>
                    {spatial ? <td>{position(item, t)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {props.next === null && props.cursor === undefined ? null : (
        <nav class="pager" aria-label={t.dataPagingLabel}>
          <ul class="inline-list">
            {props.cursor === undefined ? null : (
              <li>
                <a href={withQuery(localizedPath(language, path), params)}>{t.dataFirstPage}</a>
              </li>
            )}
            {props.next === null ? null : (
              <li>
                <a
                  href={withQuery(
                    localizedPath(language, path),
                    new URLSearchParams([...params, ["cursor", props.next]]),
                  )}
                  rel="next"
                >
                  {t.dataNextPage}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}

      <h2>{t.specDownloadsHeading}</h2>
      <p>{t.dataDownloadNote}</p>
      <ul>
        <li>
          <a href={withQuery(`${apiBase}/download.csv`, apiParams)} type="text/csv" download="">
            {t.dataDownloadCsv}
          </a>
        </li>
        <li>
          <a
            href={withQuery(`${apiBase}/download.csv`, new URLSearchParams([...apiParams, ["bom", "true"]]))}
            type="text/csv"
            download=""
          >
            {t.dataDownloadCsvExcel}
          </a>
        </li>
        {spatial ? (
          <li>
            <a
              href={withQuery(`${apiBase}/download.geojson`, apiParams)}
              type="application/geo+json"
              download=""
            >
              {t.dataDownloadGeoJson}
            </a>
          </li>
        ) : null}
        <li>
          <a href={withQuery(`${apiBase}/download.json`, apiParams)} type="application/json" download="">
            {t.dataDownloadJson}
          </a>
        </li>
      </ul>

      <h2>{t.dataApiHeading}</h2>
      <p>{t.dataApiQuery}</p>
      <pre class="command">
        <code>{`curl "${props.origin}${withQuery(apiBase, new URLSearchParams([...apiParams, ["limit", "100"]]))}"`}</code>
      </pre>
      {spatial ? (
        <>
          <p>{t.dataApiOgc}</p>
          <pre class="command">
            <code>{`curl "${ogcItems}"`}</code>
          </pre>
        </>
      ) : null}
      <p>
        <a href={localizedPath(language, "/docs")}>{t.dataApiDocs}</a>
      </p>
    </Layout>
  );
}
