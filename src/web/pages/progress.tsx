import type { Language } from "../../core/index.ts";
import {
  LEVEL_NAMES,
  LEVELS,
  type CountyProgress,
  type HistoryPoint,
  type NationalProgress,
  type ProjectedMap,
} from "../../progress/index.ts";
import { fill, messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { Choropleth, MapKey, ProgressStyles, smallAreas, type MapEntry } from "./progress-map.tsx";
import { CountyTable, KommunTable, percent, readinessPath } from "./progress-tables.tsx";

/**
 * A share against the goal as a bar (SVG: the site's CSP allows no inline styles); the sentence
 * beside it carries the same figure for everyone.
 */
export function GoalBar({ share, label }: { share: number; label: string }) {
  return (
    <div class="goal">
      <p>{label}</p>
      <svg
        class="goal__bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect width="100" height="10" class="goal__track" />
        <rect width={Math.min(100, share * 100).toFixed(1)} height="10" class="goal__fill" />
        <line x1="50" x2="50" y1="0" y2="10" class="goal__mark" />
      </svg>
    </div>
  );
}

/** The trend as an SVG line chart (kommuner solid, regioner dashed, the goal dotted); the table below is its text. */
function TrendChart({ history, language }: { history: readonly HistoryPoint[]; language: Language }) {
  const t = messages(language);
  const width = 640;
  const height = 240;
  const pad = { left: 44, right: 12, top: 12, bottom: 28 };
  const x = (i: number) =>
    pad.left +
    (history.length <= 1
      ? (width - pad.left - pad.right) / 2
      : (i / (history.length - 1)) * (width - pad.left - pad.right));
  const y = (share: number) => pad.top + (1 - share) * (height - pad.top - pad.bottom);
  const line = (pick: (p: HistoryPoint) => number) =>
    history.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(" ");
  return (
    <svg class="trend" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="trend-title trend-desc">
      <title id="trend-title">{t.progressTrendCaption}</title>
      <desc id="trend-desc">{t.progressTrendDescription}</desc>
      {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
        <g>
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(tick)}
            y2={y(tick)}
            class={tick === 0.5 ? "trend__goal" : "trend__grid"}
          />
          <text x={pad.left - 6} y={y(tick) + 4} text-anchor="end" class="trend__label">
            {`${tick * 100} %`}
          </text>
        </g>
      ))}
      <path d={line((p) => p.kommunerShare)} class="trend__kommuner" />
      <path d={line((p) => p.regionerShare)} class="trend__regioner" />
      {history.map((p, i) => (
        <g>
          <circle cx={x(i)} cy={y(p.kommunerShare)} r="3" class="trend__point" />
          <rect x={x(i) - 3} y={y(p.regionerShare) - 3} width="6" height="6" class="trend__point" />
        </g>
      ))}
      <text x={pad.left} y={height - 8} class="trend__label">
        {history[0]?.day ?? ""}
      </text>
      <text x={width - pad.right} y={height - 8} text-anchor="end" class="trend__label">
        {history.at(-1)?.day ?? ""}
      </text>
    </svg>
  );
}

/** The national map with its key, the counties beside it and every municipality below, as text. */
function NationalMap({ language, map, kommuner, counties }: ProgressPageProps) {
  const t = messages(language);
  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">{t.progressMapHeading}</h2>
      <p id="map-note">{t.progressMapNote}</p>
      <div class="progress-map">
        <div>
          <Choropleth
            language={language}
            id="kommun-map"
            map={map}
            entries={kommuner}
            title={t.progressMapTitle}
          />
          <figure class="map-inset">
            <figcaption>{t.progressInsetCaption}</figcaption>
            <Choropleth
              language={language}
              id="stockholm-map"
              map={map}
              entries={kommuner.filter((k) => k.lanCode === "01")}
              crop={smallAreas(map, "01")}
              title={t.progressInsetTitle}
            />
          </figure>
          <MapKey language={language} id="kommun-map" entries={kommuner} />
        </div>
        <div>
          <h3>{t.progressLanTableHeading}</h3>
          <CountyTable language={language} counties={counties} caption={t.progressLanTableCaption} />
        </div>
      </div>
      <details class="all-kommuner">
        <summary>{t.progressAllKommuner}</summary>
        <div class="table-scroll">
          <KommunTable language={language} kommuner={kommuner} counties={counties} />
        </div>
      </details>
    </section>
  );
}

/** A municipality on the national map, with its county for the table. */
export interface KommunEntry extends MapEntry {
  readonly lanCode: string;
}

export interface ProgressPageProps {
  readonly language: Language;
  readonly progress: NationalProgress;
  readonly map: ProjectedMap;
  readonly kommuner: readonly KommunEntry[];
  readonly counties: readonly CountyProgress[];
  readonly history: readonly HistoryPoint[];
  readonly leaderboard: {
    readonly top: readonly { code: string; name: string; level: number; score: number }[];
    readonly mostImproved: readonly { code: string; name: string; level: number; gained: number }[];
    readonly since: string;
  };
}

export function ProgressPage(props: ProgressPageProps) {
  const { language, progress, history, leaderboard } = props;
  const t = messages(language);
  const levelName = (level: number) => LEVEL_NAMES[level as 0 | 1 | 2 | 3][language];
  const org = (code: string, name: string) => (
    <a href={localizedPath(language, readinessPath(code))}>{name}</a>
  );
  return (
    <Layout
      language={language}
      title={t.progressTitle}
      path="/progress"
      section="progress"
      head={<ProgressStyles />}
      breadcrumbs={[{ label: t.navStart, path: "/" }]}
    >
      <h1>{t.progressTitle}</h1>
      <p>{t.progressIntro}</p>
      <GoalBar
        share={progress.kommuner.share}
        label={fill(t.progressKommuner, {
          ...progress.kommuner,
          percent: percent(progress.kommuner.share, language),
        })}
      />
      <GoalBar
        share={progress.regioner.share}
        label={fill(t.progressRegioner, {
          ...progress.regioner,
          percent: percent(progress.regioner.share, language),
        })}
      />
      <p>
        <strong>{progress.goalMet ? t.progressGoalMet : t.progressGoalNotMet}</strong>
      </p>

      <NationalMap {...props} />

      <h2>{t.progressLevelsHeading}</h2>
      <div class="table-scroll">
        <table>
          <caption>{t.progressLevelsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnLevel}</th>
              <th scope="col" class="numeric">
                {t.columnCount}
              </th>
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((level) => (
              <tr>
                <th scope="row">{`${level} ${levelName(level)}`}</th>
                <td class="numeric">{progress.levels[level]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t.progressTrendHeading}</h2>
      {history.length === 0 ? (
        <p>{t.progressTrendNone}</p>
      ) : (
        <>
          <TrendChart history={history} language={language} />
          <div class="table-scroll">
            <table>
              <caption>{t.progressTrendCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.columnDay}</th>
                  <th scope="col" class="numeric">
                    {t.columnKommunerShare}
                  </th>
                  <th scope="col" class="numeric">
                    {t.columnRegionerShare}
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((p) => (
                  <tr>
                    <th scope="row">{p.day}</th>
                    <td class="numeric">{`${p.kommunerEstablished} (${percent(p.kommunerShare, language)})`}</td>
                    <td class="numeric">{`${p.regionerEstablished} (${percent(p.regionerShare, language)})`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>{t.progressLeaderboardHeading}</h2>
      <div class="table-scroll">
        <table>
          <caption>{t.progressLeaderboardCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnOrganization}</th>
              <th scope="col">{t.columnLevel}</th>
              <th scope="col" class="numeric">
                {t.columnScore}
              </th>
            </tr>
          </thead>
          <tbody>
            {leaderboard.top.slice(0, 10).map((r) => (
              <tr>
                <th scope="row">{org(r.code, r.name)}</th>
                <td>{`${r.level} ${levelName(r.level)}`}</td>
                <td class="numeric">{r.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{fill(t.progressImprovedHeading, { since: leaderboard.since })}</h2>
      {leaderboard.mostImproved.length === 0 ? (
        <p>{t.progressImprovedNone}</p>
      ) : (
        <ol>
          {leaderboard.mostImproved.slice(0, 10).map((r) => (
            <li>
              {org(r.code, r.name)} {`+${r.gained} (${levelName(r.level)})`}
            </li>
          ))}
        </ol>
      )}

      <h2>{t.progressMoreHeading}</h2>
      <ul>
        <li>
          <a href={localizedPath(language, "/progress/model")}>{t.progressModelPageLink}</a>
        </li>
        <li>
          <a href="/api/v1/coverage?format=csv">{t.progressCoverageLink}</a>
        </li>
      </ul>
    </Layout>
  );
}
