import type { Language } from "../../core/index.ts";
import type { LanDetail, LanSummary } from "../../registry/index.ts";
import { fill, messages, nameCollator } from "../i18n.ts";
import { Layout, MapRegion } from "../layout.tsx";
import { localizedPath } from "../paths.ts";

export interface LanListPageProps {
  readonly language: Language;
  readonly lan: readonly LanSummary[];
}

export function LanListPage({ language, lan }: LanListPageProps) {
  const t = messages(language);
  const total = lan.reduce((sum, l) => sum + l.kommunCount, 0);
  return (
    <Layout language={language} title={t.lanTitle} path="/lan" section="lan">
      <h1>{t.lanTitle}</h1>
      <p>{t.lanIntro}</p>
      <div class="table-scroll">
        <table>
          <caption>{t.lanCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnName}</th>
              <th scope="col">{t.lanCode}</th>
              <th scope="col" class="numeric">
                {t.columnKommunCount}
              </th>
            </tr>
          </thead>
          <tbody>
            {lan.map((l) => (
              <tr>
                <th scope="row">
                  <a href={localizedPath(language, `/lan/${l.code}`)}>{l.name}</a>
                </th>
                <td>{l.code}</td>
                <td class="numeric">{l.kommunCount}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={2}>
                {t.lanTotal}
              </th>
              <td class="numeric">{total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </Layout>
  );
}

export interface LanPageProps {
  readonly language: Language;
  readonly lan: LanDetail;
}

export function LanPage({ language, lan }: LanPageProps) {
  const t = messages(language);
  const kommuner = [...lan.kommuner].sort((a, b) => nameCollator.compare(a.name, b.name));
  return (
    <Layout
      language={language}
      title={lan.name}
      path={`/lan/${lan.code}`}
      section="lan"
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.navLan, path: "/lan" },
      ]}
      map
    >
      <h1>{lan.name}</h1>
      <dl class="facts">
        <div>
          <dt>{t.lanCode}</dt>
          <dd>{lan.code}</dd>
        </div>
        {lan.region === null ? null : (
          <div>
            <dt>{t.lanRegion}</dt>
            <dd>
              <a href={localizedPath(language, `/organizations/${lan.region.code}`)}>{lan.region.name}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t.columnKommunCount}</dt>
          <dd>{lan.kommunCount}</dd>
        </div>
      </dl>
      <p>
        <a href={localizedPath(language, `/progress/lan/${lan.code}`)}>
          {fill(t.progressLanLink, { lan: lan.name })}
        </a>
      </p>
      <div class="split">
        <section aria-labelledby="kommuner-heading">
          <h2 id="kommuner-heading">{fill(t.lanKommunerHeading, { lan: lan.name })}</h2>
          <table>
            <caption>{fill(t.lanKommunerCaption, { lan: lan.name, n: kommuner.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnName}</th>
                <th scope="col">{t.columnCode}</th>
              </tr>
            </thead>
            <tbody>
              {kommuner.map((kommun) => (
                <tr>
                  <th scope="row">
                    <a href={localizedPath(language, `/organizations/${kommun.code}`)}>{kommun.name}</a>
                  </th>
                  <td>{kommun.code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="map-heading">
          <h2 id="map-heading">{t.boundaryMapHeading}</h2>
          <p id="map-note">{fill(t.boundaryMapNote, { name: lan.name })}</p>
          <MapRegion
            language={language}
            id="boundary-map"
            label={fill(t.boundaryMapLabel, { name: lan.name })}
            describedBy="map-note"
            geojsonUrl={`/api/v1/lan/${lan.code}/boundary`}
            size="small"
          />
        </section>
      </div>
      <h2>{t.apiHeading}</h2>
      <ul>
        <li>
          <a href={`/api/v1/lan/${lan.code}`} type="application/json">
            {t.apiLanJson}
          </a>{" "}
          <code>/api/v1/lan/{lan.code}</code>
        </li>
        <li>
          <a href={`/api/v1/lan/${lan.code}/boundary`} type="application/geo+json">
            {t.apiBoundaryGeoJson}
          </a>{" "}
          <code>/api/v1/lan/{lan.code}/boundary</code>
        </li>
      </ul>
    </Layout>
  );
}
