// The choropleth: municipalities coloured by readiness level, as inline SVG drawn on the server
// (no script, no tiles), with a key that names each level in words and numbers. The map is a
// picture (role="img"); the tables beside it carry the same facts with links, for keyboards and
// screen readers.
import type { Language } from "../../core/index.ts";
import { LEVEL_NAMES, LEVELS, type ProjectedMap, type ReadinessLevel } from "../../progress/index.ts";
import { countText, fill, messages } from "../i18n.ts";
import { siteAsset } from "../static.ts";

/** The progress pages' own stylesheet, for the layout's head. */
export function ProgressStyles() {
  return <link rel="stylesheet" href={siteAsset("progress.css")} />;
}

/**
 * Each level has a colour and, for levels 1 and 3, a pattern, so neighbouring levels differ by at
 * least 3:1 in luminance or by a pattern: 0 #f3f2f1 plain; 1 #9ecae1 with dark hatching (the
 * hatching is 7:1 on both 0 and 1); 2 #2171b5 plain (2.8:1 on 1, plus 1's hatching; 4.9:1 on 0);
 * 3 #08306b with light dots (2.6:1 on 2, plus the dots; 13:1 on 0). Borders are #505a5f.
 */
export const LEVEL_FILLS: Readonly<Record<ReadinessLevel, string>> = {
  0: "#f3f2f1",
  1: "#9ecae1",
  2: "#2171b5",
  3: "#08306b",
};
const BORDER = "#505a5f";

export interface MapEntry {
  readonly code: string;
  readonly name: string;
  readonly level: ReadinessLevel;
}

/** The fill of a level: its colour, or its pattern (which paints the colour under it). */
export function levelFill(prefix: string, level: ReadinessLevel): string {
  return level === 1 || level === 3 ? `url(#${prefix}-level-${level})` : LEVEL_FILLS[level];
}

/**
 * The patterns of levels 1 and 3 (or of `only` that level), sized in the drawing's own units:
 * `cell` is one pattern tile.
 */
function LevelPatterns({ prefix, cell, only }: { prefix: string; cell: number; only?: ReadinessLevel }) {
  const c = cell.toFixed(2);
  return (
    <defs>
      {only === undefined || only === 1 ? (
        <pattern
          id={`${prefix}-level-1`}
          patternUnits="userSpaceOnUse"
          width={c}
          height={c}
          patternTransform="rotate(45)"
        >
          <rect width={c} height={c} fill={LEVEL_FILLS[1]} />
          <line x1="0" y1="0" x2="0" y2={c} stroke="#08306b" stroke-width={(cell / 4).toFixed(2)} />
        </pattern>
      ) : null}
      {only === undefined || only === 3 ? (
        <pattern id={`${prefix}-level-3`} patternUnits="userSpaceOnUse" width={c} height={c}>
          <rect width={c} height={c} fill={LEVEL_FILLS[3]} />
          <circle
            cx={(cell / 2).toFixed(2)}
            cy={(cell / 2).toFixed(2)}
            r={(cell / 6).toFixed(2)}
            fill="#ffffff"
          />
        </pattern>
      ) : null}
    </defs>
  );
}

/** "Nivå 1 Påbörjad: 120 kommuner", one per level: the key's lines and the map's description. */
export function levelCounts(entries: readonly MapEntry[], language: Language): string[] {
  const t = messages(language);
  return LEVELS.map((level) =>
    fill(countText(t.progressMapLevelCount, entries.filter((e) => e.level === level).length, language), {
      level,
      name: LEVEL_NAMES[level][language],
    }),
  );
}

export interface ChoroplethProps {
  readonly language: Language;
  /** Prefix of the ids inside (title, description, patterns); unique on the page. */
  readonly id: string;
  readonly map: ProjectedMap;
  /** The municipalities to draw, with their levels; the others are left out. */
  readonly entries: readonly MapEntry[];
  readonly title: string;
  /** Fit the drawing to the entries drawn (a county) instead of the whole country. */
  readonly fit?: boolean;
  /** Fit the drawing to these municipalities only; the rest is cut at the edges (an enlarged inset). */
  readonly crop?: readonly string[] | undefined;
}

/** The map itself: one path per municipality, its name and level in a <title> (a tooltip on hover). */
export function Choropleth({ language, id, map, entries, title, fit = false, crop }: ChoroplethProps) {
  const byCode = new Map(map.areas.map((area) => [area.code, area]));
  const drawn = entries.flatMap((entry) => {
    const area = byCode.get(entry.code);
    return area === undefined ? [] : [{ entry, area }];
  });
  const framed = crop === undefined ? drawn : drawn.filter((d) => crop.includes(d.area.code));
  const viewBox =
    fit || crop !== undefined ? fittedBox(framed.map((d) => d.area.box)) : [0, 0, map.width, map.height];
  const [, , width = map.width, height = map.height] = viewBox;
  const prefix = `${id}-fill`;
  const levelText = (level: ReadinessLevel) =>
    `${messages(language).columnLevel.toLowerCase()} ${level} ${LEVEL_NAMES[level][language]}`;
  return (
    <svg
      id={id}
      class={`choropleth${fit ? " choropleth--fit" : ""}${crop === undefined ? "" : " choropleth--inset"}`}
      viewBox={viewBox.join(" ")}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      focusable="false"
      data-areas={drawn.length}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{levelCounts(entries, language).join(". ")}.</desc>
      {/* A tile about 1/70 of the drawing's width: a few pixels on screen at any zoom of the page. */}
      <LevelPatterns prefix={prefix} cell={Math.max(width, height / 2) / 70} />
      <g stroke={BORDER} stroke-width="0.6" stroke-linejoin="round">
        {drawn.map(({ entry, area }) => (
          <path
            d={area.d}
            fill={levelFill(prefix, entry.level)}
            vector-effect="non-scaling-stroke"
            data-code={entry.code}
          >
            <title>{`${entry.name}: ${levelText(entry.level)}`}</title>
          </path>
        ))}
      </g>
    </svg>
  );
}

/** The union of the boxes with a margin, as a viewBox (x y width height). */
export function fittedBox(boxes: readonly (readonly [number, number, number, number])[]): number[] {
  if (boxes.length === 0) return [0, 0, 1, 1];
  const minX = Math.min(...boxes.map((b) => b[0]));
  const minY = Math.min(...boxes.map((b) => b[1]));
  const maxX = Math.max(...boxes.map((b) => b[2]));
  const maxY = Math.max(...boxes.map((b) => b[3]));
  const margin = Math.ceil(Math.max(maxX - minX, maxY - minY) * 0.03) + 1;
  return [minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin];
}

/** The key: a swatch with the level's colour and pattern, and the level's number, name and count in words. */
export function MapKey({
  language,
  id,
  entries,
}: {
  language: Language;
  id: string;
  entries: readonly MapEntry[];
}) {
  const t = messages(language);
  const prefix = `${id}-key`;
  return (
    <div class="map-key">
      <h3 id={`${id}-key-heading`}>{t.progressLegendHeading}</h3>
      <ul aria-labelledby={`${id}-key-heading`}>
        {levelCounts(entries, language).map((text, level) => (
          <li>
            <svg
              class="map-key__swatch"
              viewBox="0 0 24 16"
              width="36"
              height="24"
              aria-hidden="true"
              focusable="false"
            >
              {/* Each swatch holds only its own level's pattern: ids stay unique on the page. */}
              {level === 1 || level === 3 ? <LevelPatterns prefix={prefix} cell={6} only={level} /> : null}
              <rect
                x="0.5"
                y="0.5"
                width="23"
                height="15"
                fill={levelFill(prefix, level as ReadinessLevel)}
                stroke={BORDER}
              />
            </svg>
            <span>{text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The municipalities of a county smaller than `km` across: those the national map draws too small
 * to see, shown again enlarged (Stockholm's inner municipalities are 3–25 km across).
 */
export function smallAreas(map: ProjectedMap, lanCode: string, km = 25): string[] {
  const limit = (km * 1000) / map.metresPerUnit;
  return map.areas
    .filter((a) => a.code.startsWith(lanCode))
    .filter((a) => Math.max(a.box[2] - a.box[0], a.box[3] - a.box[1]) < limit)
    .map((a) => a.code);
}
