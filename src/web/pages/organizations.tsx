import type { Language } from "../../core/index.ts";
import type { LanDetail, LanSummary, Organization, OrganizationType } from "../../registry/index.ts";
import { countText, fill, messages, type Messages } from "../i18n.ts";
import { Layout, MapRegion } from "../layout.tsx";
import { localizedPath } from "../paths.ts";

export function typeLabel(types: readonly OrganizationType[], t: Messages): string {
  const kommun = types.includes("kommun");
  const region = types.includes("region");
  if (kommun && region) return t.typeBoth;
  return region ? t.typeRegion : t.typeKommun;
}

export interface OrganizationFilterValues {
  readonly type: OrganizationType | undefined;
  readonly lan: string | undefined;
  readonly q: string;
}

export interface OrganizationListPageProps {
  readonly language: Language;
  /** The matching organizations, in the order to show them. */
  readonly organizations: readonly Organization[];
  readonly lan: readonly LanSummary[];
  readonly filter: OrganizationFilterValues;
}

function filterQuery(filter: OrganizationFilterValues): string {
  const params = new URLSearchParams();
  if (filter.type !== undefined) params.set("type", filter.type);
  if (filter.lan !== undefined) params.set("lan", filter.lan);
  if (filter.q !== "") params.set("q", filter.q);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

export function OrganizationListPage({ language, organizations, lan, filter }: OrganizationListPageProps) {
  const t = messages(language);
  const lanNames = new Map(lan.map((l) => [l.code as string, l.name]));
  const count = countText(t.organizationCount, organizations.length, language);
  return (
    <Layout
      language={language}
      title={t.organizationsTitle}
      path="/organizations"
      query={filterQuery(filter)}
      section="organizations"
    >
      <h1>{t.organizationsTitle}</h1>
      <p>{t.organizationsIntro}</p>
      <form class="filters" method="get" action={localizedPath(language, "/organizations")}>
        <fieldset>
          <legend>{t.filterLegend}</legend>
          <div class="filters__fields">
            <div class="field">
              <label for="filter-type">{t.filterType}</label>
              <select id="filter-type" name="type">
                <option value="" selected={filter.type === undefined}>
                  {t.filterTypeAll}
                </option>
                <option value="kommun" selected={filter.type === "kommun"}>
                  {t.typeKommun}
                </option>
                <option value="region" selected={filter.type === "region"}>
                  {t.typeRegion}
                </option>
              </select>
            </div>
            <div class="field">
              <label for="filter-lan">{t.filterLan}</label>
              <select id="filter-lan" name="lan">
                <option value="" selected={filter.lan === undefined}>
                  {t.filterLanAll}
                </option>
                {lan.map((l) => (
                  <option value={l.code} selected={filter.lan === l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="filter-q">{t.filterQuery}</label>
              <input
                id="filter-q"
                name="q"
                type="search"
                value={filter.q}
                maxlength={200}
                autocomplete="off"
              />
            </div>
          </div>
          <div class="filters__actions">
            <button type="submit">{t.filterSubmit}</button>
            <a href={localizedPath(language, "/organizations")}>{t.filterReset}</a>
          </div>
        </fieldset>
      </form>
      {organizations.length === 0 ? (
        <p class="result-count">{count}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{count}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnName}</th>
                <th scope="col">{t.columnCode}</th>
                <th scope="col">{t.columnType}</th>
                <th scope="col">{t.columnLan}</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((org) => (
                <tr>
                  <th scope="row">
                    <a href={localizedPath(language, `/organizations/${org.code}`)}>{org.name}</a>
                  </th>
                  <td>{org.code}</td>
                  <td>{typeLabel(org.types, t)}</td>
                  <td>
                    <a href={localizedPath(language, `/lan/${org.lanCode}`)}>
                      {lanNames.get(org.lanCode) ?? org.lanCode}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface OrganizationPageProps {
  readonly language: Language;
  readonly organization: Organization;
  /** The organization's county, with its region. */
  readonly lan: LanDetail;
}

export function OrganizationPage({ language, organization: org, lan }: OrganizationPageProps) {
  const t = messages(language);
  const isKommun = org.types.includes("kommun");
  const isRegion = org.types.includes("region");
  const region = lan.region;
  return (
    <Layout
      language={language}
      title={org.name}
      path={`/organizations/${org.code}`}
      section="organizations"
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.navOrganizations, path: "/organizations" },
      ]}
      map
    >
      <h1>{org.name}</h1>
      <dl class="facts">
        <div>
          <dt>{t.organizationCode}</dt>
          <dd>{org.code}</dd>
        </div>
        <div>
          <dt>{t.organizationType}</dt>
          <dd>{typeLabel(org.types, t)}</dd>
        </div>
        <div>
          <dt>{t.organizationLan}</dt>
          <dd>
            <a href={localizedPath(language, `/lan/${lan.code}`)}>{lan.name}</a>
          </dd>
        </div>
        {isKommun && region !== null && region.code !== org.code ? (
          <div>
            <dt>{t.organizationRegion}</dt>
            <dd>
              <a href={localizedPath(language, `/organizations/${region.code}`)}>{region.name}</a>
            </dd>
          </div>
        ) : null}
        {org.organizationNumber === null ? null : (
          <div>
            <dt>{t.organizationNumber}</dt>
            <dd>{org.organizationNumber}</dd>
          </div>
        )}
      </dl>
      {isKommun && isRegion ? <p class="note">{fill(t.bothTypesNote, { name: org.name })}</p> : null}
      {isRegion && !isKommun ? <p>{fill(t.regionCoversLan, { lan: lan.name })}</p> : null}
      <p>
        <a href={localizedPath(language, `/organizations/${org.code}/publications`)}>
          {fill(t.publicationsLink, { organization: org.name })}
        </a>
      </p>
      <p>
        <a href={localizedPath(language, `/organizations/${org.code}/readiness`)}>
          {fill(t.readinessLink, { organization: org.name })}
        </a>
      </p>
      <h2 id="map-heading">{t.boundaryMapHeading}</h2>
      <p id="map-note">
        {isKommun ? fill(t.boundaryMapNote, { name: org.name }) : fill(t.regionMapNote, { lan: lan.name })}
      </p>
      <MapRegion
        language={language}
        id="boundary-map"
        label={fill(t.boundaryMapLabel, { name: org.name })}
        describedBy="map-note"
        geojsonUrl={`/api/v1/organizations/${org.code}/boundary`}
        size="small"
      />
      <h2>{t.apiHeading}</h2>
      <ul>
        <li>
          <a href={`/api/v1/organizations/${org.code}`} type="application/json">
            {t.apiOrganizationJson}
          </a>{" "}
          <code>/api/v1/organizations/{org.code}</code>
        </li>
        <li>
          <a href={`/api/v1/organizations/${org.code}/boundary`} type="application/geo+json">
            {t.apiBoundaryGeoJson}
          </a>{" "}
          <code>/api/v1/organizations/{org.code}/boundary</code>
        </li>
      </ul>
    </Layout>
  );
}
