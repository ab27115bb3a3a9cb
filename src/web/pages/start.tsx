import { foldForSearch, type Language } from "../../core/index.ts";
import type { Organization } from "../../registry/index.ts";
import { countText, fill, messages, nameCollator } from "../i18n.ts";
import { Layout, MapRegion } from "../layout.tsx";
import { localizedPath } from "../paths.ts";

export interface StartPageProps {
  readonly language: Language;
  /** Every municipality. */
  readonly kommuner: readonly Organization[];
  /** Codes of the municipalities that match the search; all of them when there is none. */
  readonly matching: ReadonlySet<string>;
  readonly q: string;
}

interface LetterGroup {
  readonly letter: string;
  readonly kommuner: readonly Organization[];
}

/** Municipalities in Swedish alphabetical order (Å, Ä, Ö last), grouped by first letter. */
export function groupByLetter(kommuner: readonly Organization[]): LetterGroup[] {
  const sorted = [...kommuner].sort((a, b) => nameCollator.compare(a.shortName, b.shortName));
  const groups: { letter: string; kommuner: Organization[] }[] = [];
  for (const kommun of sorted) {
    const letter = kommun.shortName.charAt(0).toLocaleUpperCase("sv");
    const last = groups.at(-1);
    if (last !== undefined && nameCollator.compare(last.letter, letter) === 0) last.kommuner.push(kommun);
    else groups.push({ letter, kommuner: [kommun] });
  }
  return groups;
}

/**
 * The start page. The list holds every municipality; the server marks the ones that do not match
 * the search `hidden`, so the search works without JavaScript and filter.js can widen it again as
 * you type.
 */
export function StartPage({ language, kommuner, matching, q }: StartPageProps) {
  const t = messages(language);
  const groups = groupByLetter(kommuner);
  const status =
    q === "" ? fill(t.searchAll, { n: kommuner.length }) : countText(t.searchCount, matching.size, language);
  return (
    <Layout
      language={language}
      title={t.siteTagline}
      path="/"
      query={q === "" ? "" : `?q=${encodeURIComponent(q)}`}
      section="start"
      map
      scripts={["filter.js"]}
    >
      <h1>{t.startHeading}</h1>
      <p class="lead">{t.startIntro}</p>
      <p>{t.startGoal}</p>
      <div class="finder">
        <section class="finder__list" aria-labelledby="kommun-heading">
          <h2 id="kommun-heading">{t.startListHeading}</h2>
          <form class="search" role="search" method="get" action={localizedPath(language, "/")}>
            <label for="kommun-q">{t.searchLabel}</label>
            <p id="kommun-q-hint" class="hint">
              {t.searchHint}
            </p>
            <div class="search__row">
              <input
                id="kommun-q"
                name="q"
                type="search"
                value={q}
                maxlength={200}
                autocomplete="off"
                spellcheck={false}
                aria-describedby="kommun-q-hint"
                aria-controls="kommun-list"
                data-filter-input=""
              />
              <button type="submit">{t.searchButton}</button>
            </div>
          </form>
          <p
            id="kommun-count"
            class="search__status"
            role="status"
            aria-live="polite"
            data-filter-status=""
            data-count-all={fill(t.searchAll, { n: kommuner.length })}
            data-count-none={t.searchCount.none}
            data-count-one={t.searchCount.one}
            data-count-many={t.searchCount.other}
          >
            {status}
          </p>
          <div id="kommun-list" class="kommun-list" data-filter-list="">
            {groups.map((group) => (
              <div
                class="kommun-list__group"
                data-filter-group=""
                hidden={!group.kommuner.some((k) => matching.has(k.code))}
              >
                <h3>{group.letter}</h3>
                <ul>
                  {group.kommuner.map((kommun) => (
                    <li
                      data-search={foldForSearch(`${kommun.name} ${kommun.shortName}`)}
                      data-code={kommun.code}
                      hidden={!matching.has(kommun.code)}
                    >
                      <a href={localizedPath(language, `/organizations/${kommun.code}`)}>
                        {kommun.shortName}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
        <section class="finder__map" aria-labelledby="map-heading">
          <h2 id="map-heading">{t.mapHeading}</h2>
          <p id="map-note">{t.mapNote}</p>
          <MapRegion
            language={language}
            id="kommun-map"
            label={t.mapLabel}
            describedBy="map-note"
            geojsonUrl="/api/v1/boundaries/kommun"
            linkBase="/organizations/"
            size="large"
          />
        </section>
      </div>
    </Layout>
  );
}
