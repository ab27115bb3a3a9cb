// Synthetic catalog content at national scale: specifications copied from badplatser under other
// slugs (titled after the prioritized list's entries, so searches meet real words) so that the 310
// organizations can hold 50,000 publications with a current release, inserted directly with SQL
// (the publishing path is benchmarked elsewhere).
import type { Queryable } from "../../src/db/index.ts";

export async function synthesizePublications(db: Queryable, datasets: number): Promise<void> {
  const [orgs] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM organizations");
  const specCount = Math.ceil(datasets / (orgs?.n ?? 310));
  await db.query(
    `INSERT INTO specifications (slug, title_sv, title_en, level)
     SELECT 'bench-' || lpad(i::text, 3, '0'), p.name_sv || ' ' || i, p.name_en || ' ' || i, 'both'
     FROM generate_series(1, $1::int) i
     JOIN (SELECT name_sv, name_en, row_number() OVER (ORDER BY rank) - 1 AS n FROM priority_list) p
       ON p.n = (i - 1) % (SELECT count(*) FROM priority_list)`,
    [specCount],
  );
  await db.query(
    `INSERT INTO specification_versions (slug, version, major, minor, patch, published, document, checksum)
     SELECT s.slug, '1.0.0', 1, 0, 0, '2026-01-01',
            v.document || jsonb_build_object(
              'slug', s.slug,
              'title', jsonb_build_object('sv', s.title_sv, 'en', s.title_en),
              'description', jsonb_build_object(
                'sv', s.title_sv || ': uppgifter som kommunen eller regionen publicerar enligt en gemensam specifikation.',
                'en', s.title_en || ': data the municipality or region publishes following a shared specification.')),
            v.checksum
     FROM specifications s, specification_versions v
     WHERE s.slug LIKE 'bench-%' AND v.slug = 'badplatser'`,
  );
  const sha = "0".repeat(64);
  await db.query("INSERT INTO stored_files (sha256, bytes) VALUES ($1, 4096)", [sha]);
  await db.query(
    `INSERT INTO publications (organization_code, spec_slug, updated_at)
     SELECT o.code, s.slug, now() FROM organizations o CROSS JOIN specifications s
     WHERE s.slug LIKE 'bench-%' ORDER BY s.slug, o.code LIMIT $1`,
    [datasets],
  );
  await db.query(
    `INSERT INTO releases (id, organization_code, spec_slug, spec_version, status, origin, file_sha256,
       file_bytes, file_name, format, report, rows_total, rows_published, created_by)
     SELECT gen_random_uuid()::text, organization_code, spec_slug, '1.0.0', 'published', 'upload', $1,
            4096, 'data.csv', 'csv', '{"stats":{"errors":0,"warnings":0}}', 25, 25, 'bench'
     FROM publications`,
    [sha],
  );
  await db.query(
    `UPDATE publications p SET current_release_id = r.id, latest_release_id = r.id
     FROM releases r WHERE r.organization_code = p.organization_code AND r.spec_slug = p.spec_slug`,
  );
}
