// Harvested datasets as search feeds: one per organization, so a harvest re-indexes only the
// organization it touched.
import type { Queryable } from "../../db/index.ts";
import type { LocalizedText } from "../../core/index.ts";
import { authorityCode, type SearchDocument, type SearchFeeds } from "../search.ts";
import { BASE_TOKEN } from "./normalise.ts";
import { activeHarvestedDatasets, harvestedStamp, type HarvestedDatasetSummary } from "./store.ts";

const FEED = "harvest:organization:";

/** A text in Swedish and English from what a source gave: untagged or another language fills in. */
function localized(texts: Readonly<Record<string, string>>): LocalizedText {
  const any = Object.values(texts).find((t) => t !== "") ?? "";
  const sv = texts.sv ?? texts[""] ?? texts.en ?? any;
  return { sv, en: texts.en ?? sv };
}

/** A harvested dataset as the index sees it; skolem IRIs become platform paths. */
export function harvestedSearchDocument(dataset: HarvestedDatasetSummary): SearchDocument {
  const platformIri = dataset.iri.startsWith(BASE_TOKEN);
  const iri = platformIri ? dataset.iri.slice(BASE_TOKEN.length) : dataset.iri;
  return {
    id: `harvested.${dataset.id}`,
    kind: "harvested",
    organizationCode: dataset.organizationCode,
    iri,
    // A dataset IRI of the publisher's own usually resolves to its page there.
    landingPage: platformIri ? `/organizations/${dataset.organizationCode}` : dataset.iri,
    title: localized(dataset.title),
    description: localized(dataset.description),
    keywords: [...new Set(Object.values(dataset.keywords).flat())],
    themes: dataset.themes.map(authorityCode),
    formats: dataset.formats.map(authorityCode),
    licence: dataset.licences[0] ?? null,
    specification: null,
    hvd: false,
    modified: dataset.updatedAt,
  };
}

export function harvestSearchFeeds(db: Queryable): SearchFeeds {
  return {
    prefix: "harvest:",
    version: () => harvestedStamp(db, null),
    async stamps() {
      const rows = await db.query<{ code: string; stamp: string }>(
        `SELECT organization_code AS code,
                max(updated_at)::text || ':' || count(*) FILTER (WHERE status = 'active' AND valid) AS stamp
         FROM harvested_datasets GROUP BY organization_code`,
      );
      return new Map(rows.map((r) => [`${FEED}${r.code}`, r.stamp]));
    },
    async *documents(feeds) {
      for (const feed of feeds) {
        const documents: SearchDocument[] = [];
        if (feed.startsWith(FEED)) {
          for await (const batch of activeHarvestedDatasets(db, {
            organizationCode: feed.slice(FEED.length),
          }))
            documents.push(...batch.map(harvestedSearchDocument));
        }
        yield { feed, documents };
      }
    },
  };
}
