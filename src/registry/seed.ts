import { foldForSearch } from "../core/index.ts";
import type { Database } from "../db/index.ts";
import type { RegistryReference } from "./reference.ts";

export interface RegistrySeedOutcome {
  readonly lan: number;
  readonly organizations: number;
  readonly boundaries: number;
}

/**
 * Writes the reference registry in one transaction. Idempotent: rows are upserted by code,
 * so seeding twice changes nothing, and organizations added later by hand are kept. The reference
 * wins for names and organisationsnummer (a database seeded with older names is corrected on its
 * next start); a number set by hand stays where the reference has none; a website the organization
 * set itself stays.
 */
export async function seedRegistry(db: Database, reference: RegistryReference): Promise<RegistrySeedOutcome> {
  const lan = reference.lan.map((l) => ({ code: l.code, name: l.name, short_name: l.shortName }));
  const organizations = reference.organizations.map((o) => ({
    code: o.code,
    name: o.name,
    short_name: o.shortName,
    types: o.types,
    lan_code: o.lanCode,
    organization_number: o.organizationNumber,
    website: o.website,
    search_text: foldForSearch(`${o.name} ${o.shortName}`),
  }));
  const boundaries = reference.boundaries.map((b) => ({
    area_type: b.areaType,
    code: b.code,
    geometry: b.geometry,
    bbox: b.bbox,
  }));
  // One statement per table with the rows as a JSON parameter: fast on PGlite and on a server alike.
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO lan (code, name, short_name)
       SELECT code, name, short_name FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, short_name text)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name`,
      [JSON.stringify(lan)],
    );
    await tx.query(
      `INSERT INTO organizations (code, name, short_name, types, lan_code, organization_number, website, search_text)
       SELECT code, name, short_name, ARRAY(SELECT jsonb_array_elements_text(types)), lan_code, organization_number, website, search_text
       FROM jsonb_to_recordset($1::jsonb)
         AS r(code text, name text, short_name text, types jsonb, lan_code text, organization_number text,
              website text, search_text text)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
         types = excluded.types, lan_code = excluded.lan_code, search_text = excluded.search_text,
         organization_number = COALESCE(excluded.organization_number, organizations.organization_number),
         website = CASE WHEN organizations.contact_updated_at IS NULL
                        THEN COALESCE(excluded.website, organizations.website) ELSE organizations.website END`,
      [JSON.stringify(organizations)],
    );
    await tx.query(
      `INSERT INTO boundaries (area_type, code, geometry, bbox)
       SELECT area_type, code, geometry, ARRAY(SELECT jsonb_array_elements_text(bbox)::double precision)
       FROM jsonb_to_recordset($1::jsonb) AS r(area_type text, code text, geometry jsonb, bbox jsonb)
       ON CONFLICT (area_type, code) DO UPDATE SET geometry = excluded.geometry, bbox = excluded.bbox`,
      [JSON.stringify(boundaries)],
    );
  });
  return { lan: lan.length, organizations: organizations.length, boundaries: boundaries.length };
}
