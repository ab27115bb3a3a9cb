// The tables the progress pages share: the counties (share of established municipalities, the
// region's level) and every municipality grouped by county. They are the map's text twin: the
// same facts, with links, for keyboards and screen readers.
import type { Language } from "../../core/index.ts";
import {
  LEVEL_NAMES,
  type CountyProgress,
  type CriterionResult,
  type Evidence,
  type ReadinessLevel,
} from "../../progress/index.ts";
import { fill, messages, nameCollator } from "../i18n.ts";
import { localizedPath } from "../paths.ts";

export const percent = (share: number, language: Language) =>
  `${(share * 100).toLocaleString(language === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 1 })} %`;

/** "2 Etablerad": a level as the tables write it, its number first, so it never relies on a colour. */
export const levelLabel = (level: ReadinessLevel, language: Language) =>
  `${level} ${LEVEL_NAMES[level][language]}`;

/** A county's progress page. */
export const lanProgressPath = (code: string) => `/progress/lan/${code}`;
/** An organization's readiness page. */
export const readinessPath = (code: string) => `/organizations/${code}/readiness`;

/** A share as a small bar (decoration: the text beside it has the figure). */
function ShareBar({ share }: { share: number }) {
  return (
    <svg
      class="share-bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="100" height="10" class="share-bar__track" />
      <rect width={Math.min(100, share * 100).toFixed(1)} height="10" class="share-bar__fill" />
    </svg>
  );
}

export interface CountyTableProps {
  readonly language: Language;
  readonly counties: readonly CountyProgress[];
  readonly caption: string;
  /** The county whose page this is: its row is marked in words and weight. */
  readonly current?: string | undefined;
}

/** One row per county: its name (to its progress page), established municipalities, its region's level. */
export function CountyTable({ language, counties, caption, current }: CountyTableProps) {
  const t = messages(language);
  return (
    <div class="table-scroll">
      <table class="county-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columnLan}</th>
            <th scope="col">{t.columnKommunerEstablished}</th>
            <th scope="col">{t.columnRegionLevel}</th>
          </tr>
        </thead>
        <tbody>
          {counties.map((county) => {
            const isCurrent = county.code === current;
            return (
              <tr class={isCurrent ? "this-row" : undefined}>
                <th scope="row">
                  <a
                    href={localizedPath(language, lanProgressPath(county.code))}
                    aria-current={isCurrent ? "page" : undefined}
                  >
                    {county.name}
                  </a>
                  {isCurrent ? ` ${t.progressLanThis}` : ""}
                </th>
                <td>
                  {fill(t.progressCriteriaMet, {
                    met: county.kommuner.established,
                    total: county.kommuner.total,
                  })}{" "}
                  ({percent(county.kommuner.share, language)})
                  <ShareBar share={county.kommuner.share} />
                </td>
                <td>{county.region === null ? t.progressNoRegion : levelLabel(county.region, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export interface KommunRow {
  readonly code: string;
  readonly name: string;
  readonly lanCode: string;
  readonly level: ReadinessLevel;
}

/** Every municipality and its level, in one table with a row group per county (named, linked). */
export function KommunTable({
  language,
  kommuner,
  counties,
}: {
  language: Language;
  kommuner: readonly KommunRow[];
  counties: readonly { readonly code: string; readonly name: string }[];
}) {
  const t = messages(language);
  return (
    <table class="kommun-table">
      <caption>{t.progressAllKommunerCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columnName}</th>
          <th scope="col">{t.columnLevel}</th>
        </tr>
      </thead>
      {counties.map((county) => {
        const members = kommuner
          .filter((k) => k.lanCode === county.code)
          .sort((a, b) => nameCollator.compare(a.name, b.name));
        if (members.length === 0) return null;
        return (
          <tbody>
            <tr class="rowgroup-heading">
              <th scope="rowgroup" colspan={2}>
                <a href={localizedPath(language, lanProgressPath(county.code))}>{county.name}</a>
              </th>
            </tr>
            {members.map((kommun) => (
              <tr>
                <th scope="row">
                  <a href={localizedPath(language, readinessPath(kommun.code))}>{kommun.name}</a>
                </th>
                <td>{levelLabel(kommun.level, language)}</td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

/** How a criterion is known, as a marked word: never by colour alone. */
export function EvidenceKind({ evidence, language }: { evidence: Evidence; language: Language }) {
  const t = messages(language);
  const label = { measured: t.readinessMeasured, declared: t.readinessDeclared, missing: t.readinessMissing };
  return <span class={`evidence-kind evidence-kind--${evidence.kind}`}>{label[evidence.kind]}</span>;
}

/** The evidence in words, with the declared link. */
export function EvidenceText({ criterion, language }: { criterion: CriterionResult; language: Language }) {
  const t = messages(language);
  const evidence = criterion.evidence;
  return (
    <>
      <EvidenceKind evidence={evidence} language={language} /> {evidence.detail[language]}
      {evidence.kind === "declared" ? (
        <>
          {" "}
          <a href={evidence.url} rel="nofollow">
            {t.readinessEvidenceLink}
          </a>
        </>
      ) : null}
    </>
  );
}
