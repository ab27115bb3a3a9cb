// A county's progress: every organization in it side by side (level, criteria met, score), the
// county's share of established municipalities against the goal, its map, and the other counties.
import type { Language } from "../../core/index.ts";
import {
  CRITERIA,
  type CountyProgress,
  type GoalShare,
  type OrganizationReadiness,
  type ProjectedMap,
} from "../../progress/index.ts";
import { fill, messages, nameCollator } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { typeLabel } from "./organizations.tsx";
import { GoalBar } from "./progress.tsx";
import { Choropleth, MapKey, ProgressStyles } from "./progress-map.tsx";
import { CountyTable, lanProgressPath, levelLabel, percent, readinessPath } from "./progress-tables.tsx";

export interface LanProgressPageProps {
  readonly language: Language;
  readonly lan: { readonly code: string; readonly name: string };
  readonly organizations: readonly OrganizationReadiness[];
  readonly kommuner: GoalShare;
  readonly comparison: readonly CountyProgress[];
  readonly map: ProjectedMap;
}

/** The region first, then the municipalities by name. */
function ordered(organizations: readonly OrganizationReadiness[]): OrganizationReadiness[] {
  const isRegionOnly = (r: OrganizationReadiness) => !r.organization.types.includes("kommun");
  return [...organizations].sort(
    (a, b) =>
      Number(isRegionOnly(b)) - Number(isRegionOnly(a)) ||
      nameCollator.compare(a.organization.name, b.organization.name),
  );
}

/** Largest share first; ties by name. */
function byShare(counties: readonly CountyProgress[]): CountyProgress[] {
  return [...counties].sort(
    (a, b) => b.kommuner.share - a.kommuner.share || nameCollator.compare(a.name, b.name),
  );
}

export function LanProgressPage(props: LanProgressPageProps) {
  const { language, lan, kommuner } = props;
  const t = messages(language);
  const title = fill(t.progressLanTitle, { lan: lan.name });
  const organizations = ordered(props.organizations);
  const mapEntries = organizations
    .filter((r) => r.organization.kommunKod !== null)
    .map((r) => ({ code: r.organization.kommunKod ?? "", name: r.organization.name, level: r.level }));
  return (
    <Layout
      language={language}
      title={title}
      path={lanProgressPath(lan.code)}
      section="progress"
      head={<ProgressStyles />}
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.navProgress, path: "/progress" },
      ]}
    >
      <h1>{title}</h1>
      <p>{t.progressLanIntro}</p>
      <GoalBar
        share={kommuner.share}
        label={fill(t.progressLanKommuner, { ...kommuner, percent: percent(kommuner.share, language) })}
      />
      <p>
        {`${t.columnLan}: `}
        <a href={localizedPath(language, `/lan/${lan.code}`)}>{lan.name}</a>
      </p>

      <h2>{t.progressLanOrganizationsHeading}</h2>
      <div class="table-scroll">
        <table>
          <caption>{fill(t.progressLanOrganizationsCaption, { lan: lan.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnOrganization}</th>
              <th scope="col">{t.columnType}</th>
              <th scope="col">{t.columnLevel}</th>
              <th scope="col" class="numeric">
                {t.columnCriteriaMet}
              </th>
              <th scope="col" class="numeric">
                {t.columnScore}
              </th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((r) => (
              <tr>
                <th scope="row">
                  <a href={localizedPath(language, readinessPath(r.organization.code))}>
                    {r.organization.name}
                  </a>
                </th>
                <td>{typeLabel(r.organization.types, t)}</td>
                <td>{levelLabel(r.level, language)}</td>
                <td class="numeric">
                  {fill(t.progressCriteriaMet, {
                    met: r.criteria.filter((c) => c.met).length,
                    total: CRITERIA.length,
                  })}
                </td>
                <td class="numeric">{r.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="lan-map-heading">
        <h2 id="lan-map-heading">{t.progressLanMapHeading}</h2>
        <p>{t.progressLanMapNote}</p>
        <div class="progress-map">
          <Choropleth
            language={language}
            id="lan-map"
            map={props.map}
            entries={mapEntries}
            title={fill(t.progressLanMapTitle, { lan: lan.name })}
            fit
          />
          <MapKey language={language} id="lan-map" entries={mapEntries} />
        </div>
      </section>

      <h2>{t.progressLanComparisonHeading}</h2>
      <CountyTable
        language={language}
        counties={byShare(props.comparison)}
        caption={t.progressLanComparisonCaption}
        current={lan.code}
      />
    </Layout>
  );
}
