import { AppError } from "../core/index.ts";
import type { Database } from "../db/index.ts";
import { loadDefinitions, type LoadedDefinition } from "./definitions-loader.ts";
import { loadPriorityList } from "./priority-list.ts";

export interface SpecsSeedOutcome {
  readonly specifications: number;
  readonly versions: number;
  readonly priorityList: number;
}

/**
 * Stores the shipped specification versions and the seed list. Idempotent. A version already
 * stored with another checksum is refused: a published version never changes. List entries
 * already stored keep their editable fields (a coordinator's edits survive a restart); only
 * their status follows the specifications that now exist.
 */
export async function seedSpecs(
  db: Database,
  definitions: readonly LoadedDefinition[] = loadDefinitions(),
): Promise<SpecsSeedOutcome> {
  const slugs = new Set(definitions.map((d) => d.definition.slug));
  const list = loadPriorityList(slugs);
  await db.transaction(async (tx) => {
    for (const { definition, checksum, file } of definitions) {
      await tx.query(
        `INSERT INTO specifications (slug, title_sv, title_en, level) VALUES ($1, $2, $3, $4)
         ON CONFLICT (slug) DO UPDATE SET title_sv = excluded.title_sv, title_en = excluded.title_en, level = excluded.level`,
        [definition.slug, definition.title.sv, definition.title.en, definition.level],
      );
      const [major, minor, patch] = definition.version.split(".").map(Number);
      const [stored] = await tx.query<{ checksum: string }>(
        `INSERT INTO specification_versions (slug, version, major, minor, patch, published, document, checksum)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
         ON CONFLICT (slug, version) DO UPDATE SET slug = specification_versions.slug
         RETURNING checksum`,
        [
          definition.slug,
          definition.version,
          major,
          minor,
          patch,
          definition.published,
          JSON.stringify(definition),
          checksum,
        ],
      );
      if (stored?.checksum !== checksum) {
        throw new AppError(
          "CONFLICT",
          {
            sv: `Specifikationen ${definition.slug} ${definition.version} är redan publicerad och får inte ändras (${file}). Ge ändringen ett nytt versionsnummer.`,
            en: `Specification ${definition.slug} ${definition.version} is already published and must not change (${file}). Give the change a new version number.`,
          },
          { details: { slug: definition.slug, version: definition.version } },
        );
      }
    }
    await tx.query(
      `INSERT INTO priority_list (slug, rank, official_rank, name_sv, name_en, area_sv, area_en, level, hvd_category,
                                  status, confirmation, basis_url, notes)
       SELECT slug, rank, official_rank, name_sv, name_en, area_sv, area_en, level, hvd_category,
              status, confirmation, basis_url, notes
       FROM jsonb_to_recordset($1::jsonb) AS r(slug text, rank int, official_rank int, name_sv text, name_en text,
            area_sv text, area_en text, level text, hvd_category jsonb, status text, confirmation text,
            basis_url text, notes text)
       ON CONFLICT (slug) DO UPDATE SET status = excluded.status
         WHERE priority_list.status <> excluded.status AND excluded.status = 'specified'`,
      [
        JSON.stringify(
          list.map((e) => ({
            slug: e.slug,
            rank: e.rank,
            official_rank: e.officialRank,
            name_sv: e.name.sv,
            name_en: e.name.en,
            area_sv: e.area.sv,
            area_en: e.area.en,
            level: e.level,
            hvd_category: e.hvdCategory,
            status: e.status,
            confirmation: e.confirmation,
            basis_url: e.basisUrl,
            notes: e.notes,
          })),
        ),
      ],
    );
  });
  return { specifications: slugs.size, versions: definitions.length, priorityList: list.length };
}
