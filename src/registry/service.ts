import { actorOf, can, recordAudit, type Principal } from "../accounts/index.ts";
import {
  AppError,
  decodeCursor,
  encodeCursor,
  escapeLike,
  foldForSearch,
  isOrganizationCode,
  notFound,
  type KommunKod,
  type LanKod,
  type OrganizationCode,
  type Page,
} from "../core/index.ts";
import type { Database } from "../db/index.ts";
import { pointInArea } from "./point-in-area.ts";
import type { AreaGeometry, AreaType, BBox, Boundary, Lan, Organization, OrganizationType } from "./types.ts";

export interface OrganizationFilter {
  readonly type?: OrganizationType | undefined;
  readonly lan?: LanKod | undefined;
  /** Free text: name (diacritics and case ignored) or the start of a code. */
  readonly q?: string | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface LanSummary extends Lan {
  readonly kommunCount: number;
}

export interface LanDetail extends LanSummary {
  /** The region whose geography is this county (Region Gotland for 09). */
  readonly region: Organization | null;
  readonly kommuner: readonly Organization[];
}

interface OrganizationRow {
  code: string;
  name: string;
  short_name: string;
  types: string[];
  lan_code: string;
  organization_number: string | null;
  website: string | null;
  contact_email: string | null;
}

const ORGANIZATION_COLUMNS =
  "code, name, short_name, types, lan_code, organization_number, website, contact_email";

function toOrganization(row: OrganizationRow): Organization {
  const types = row.types as OrganizationType[];
  return {
    code: row.code as OrganizationCode,
    name: row.name,
    shortName: row.short_name,
    types,
    lanCode: row.lan_code as LanKod,
    kommunKod: types.includes("kommun") ? (row.code as KommunKod) : null,
    organizationNumber: row.organization_number,
    website: row.website,
    contactEmail: row.contact_email,
  };
}

/** What an organization's publisher may say about it: its contact mailbox and its website. */
export interface ContactInput {
  /** A functional mailbox (opendata@…); null removes it and the catalog shows a placeholder again. */
  readonly email: string | null;
  readonly website: string | null;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The input trimmed, or the fields that are wrong. */
function cleanContact(input: ContactInput): { email: string | null; website: string | null } {
  const email = input.email?.trim() || null;
  const website = input.website?.trim() || null;
  const wrong: string[] = [];
  if (email !== null && (email.length > 254 || !EMAIL.test(email))) wrong.push("email");
  if (website !== null && !isWebAddress(website)) wrong.push("website");
  if (wrong.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Kontaktuppgiften är fel i: ${wrong.join(", ")}. E-post skrivs namn@exempel.se, webbplatsen https://….`,
        en: `The contact is wrong in: ${wrong.join(", ")}. E-mail is written name@example.se, the website https://….`,
      },
      { details: { fields: wrong } },
    );
  }
  return { email, website };
}

function isWebAddress(value: string): boolean {
  if (value.length > 2000 || !/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname.includes(".");
  } catch {
    return false;
  }
}

/** The kommunkod of the municipality a point (WGS 84) lies in, undefined outside Sweden. */
export type KommunLocator = (lon: number, lat: number) => string | undefined;

/** Read access to the registry. The HTTP API, the web pages and the CLI all go through this. */
export class RegistryService {
  // Boundaries change only when the reference data does (a deploy), so one load per process will do.
  private areas: Promise<ReadonlyMap<string, Boundary>> | undefined;
  private kommunAt: Promise<KommunLocator> | undefined;

  constructor(private readonly db: Database) {}

  /**
   * Each organization's area by its code: a municipality's own boundary, a region's county's.
   * Plain data rather than a lookup function, so validation can take it to a worker thread.
   */
  organizationAreas(): Promise<ReadonlyMap<string, Boundary>> {
    this.areas ??= (async () => {
      const [kommuner, lan] = await Promise.all([this.listBoundaries("kommun"), this.listBoundaries("lan")]);
      return new Map([...kommuner, ...lan].map((b) => [b.code, b]));
    })();
    this.areas.catch(() => (this.areas = undefined));
    return this.areas;
  }

  /** The municipality a point lies in; a point just outside every boundary goes to the nearest within 2 km. */
  kommunLocator(): Promise<KommunLocator> {
    this.kommunAt ??= (async () => {
      const kommuner = await this.listBoundaries("kommun");
      return (lon: number, lat: number) =>
        (
          kommuner.find((b) => pointInArea(b.geometry, b.bbox, lon, lat, 0)) ??
          kommuner.find((b) => pointInArea(b.geometry, b.bbox, lon, lat))
        )?.code;
    })();
    this.kommunAt.catch(() => (this.kommunAt = undefined));
    return this.kommunAt;
  }

  async listOrganizations(filter: OrganizationFilter): Promise<Page<Organization>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.type !== undefined) where.push(`${param(filter.type)} = ANY (types)`);
    if (filter.lan !== undefined) where.push(`lan_code = ${param(filter.lan)}`);
    const q = filter.q === undefined ? "" : foldForSearch(filter.q);
    if (q !== "") {
      const pattern = escapeLike(q);
      where.push(`(search_text LIKE ${param(`%${pattern}%`)} OR code LIKE ${param(`${pattern}%`)})`);
    }
    const filterSql = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    const [counted] = await this.db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM organizations ${filterSql}`,
      params,
    );
    const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor, isOrganizationCode);
    if (after !== undefined) where.push(`code > ${param(after)}`);
    const pageSql = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    const rows = await this.db.query<OrganizationRow>(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations ${pageSql} ORDER BY code LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map(toOrganization);
    const last = items.at(-1);
    const next = rows.length > filter.limit && last !== undefined ? encodeCursor(last.code) : null;
    return { items, total: counted?.total ?? 0, next };
  }

  /** Every organization code, for checking `source` columns. */
  async organizationCodes(): Promise<ReadonlySet<string>> {
    const rows = await this.db.query<{ code: string }>("SELECT code FROM organizations");
    return new Set(rows.map((row) => row.code));
  }

  async getOrganization(code: string): Promise<Organization> {
    const [row] = await this.db.query<OrganizationRow>(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations WHERE code = $1`,
      [code],
    );
    if (row === undefined) {
      throw notFound(
        {
          sv: `Det finns ingen organisation med koden ${code}. Kommuner har fyrsiffriga koder (0580), regioner länets tvåsiffriga kod (05).`,
          en: `There is no organization with the code ${code}. Municipalities have four-digit codes (0580), regions their county's two-digit code (05).`,
        },
        { code },
      );
    }
    return toOrganization(row);
  }

  /**
   * Sets the organization's own contact mailbox and website: its publisher or an administrator
   * only, audited. The catalog's contact point and publisher use them from the next export.
   */
  async updateContact(
    code: string,
    input: ContactInput,
    principal: Principal,
    fromAddress?: string | null,
  ): Promise<Organization> {
    await this.getOrganization(code);
    if (!can(principal, "publish", code)) {
      throw new AppError(
        "FORBIDDEN",
        {
          sv: `Bara en publicerare för ${code} eller en administratör kan ändra organisationens kontaktuppgifter.`,
          en: `Only a publisher for ${code} or an administrator can change the organization's contact.`,
        },
        { details: { action: "publish", object: code } },
      );
    }
    const contact = cleanContact(input);
    await this.db.transaction(async (tx) => {
      await tx.query(
        "UPDATE organizations SET contact_email = $2, website = $3, contact_updated_at = now() WHERE code = $1",
        [code, contact.email, contact.website],
      );
      await recordAudit(tx, {
        actor: actorOf(principal),
        fromAddress,
        action: "organization.contact",
        object: code,
        details: contact,
      });
    });
    return this.getOrganization(code);
  }

  async listLan(): Promise<LanSummary[]> {
    const rows = await this.db.query<{
      code: string;
      name: string;
      short_name: string;
      kommun_count: number;
    }>(
      `SELECT l.code, l.name, l.short_name,
              (SELECT count(*)::int FROM organizations o WHERE o.lan_code = l.code AND 'kommun' = ANY (o.types)) AS kommun_count
       FROM lan l ORDER BY l.code`,
    );
    return rows.map((row) => ({
      code: row.code as LanKod,
      name: row.name,
      shortName: row.short_name,
      kommunCount: row.kommun_count,
    }));
  }

  async getLan(code: string): Promise<LanDetail> {
    const lan = (await this.listLan()).find((l) => l.code === code);
    if (lan === undefined) {
      throw notFound(
        {
          sv: `Det finns inget län med koden ${code}. Länskoder har två siffror, till exempel 05 för Östergötlands län.`,
          en: `There is no county with the code ${code}. County codes have two digits, for example 05 for Östergötland.`,
        },
        { code },
      );
    }
    const rows = await this.db.query<OrganizationRow>(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations WHERE lan_code = $1 ORDER BY code`,
      [code],
    );
    const members = rows.map(toOrganization);
    return {
      ...lan,
      region: members.find((o) => o.types.includes("region")) ?? null,
      kommuner: members.filter((o) => o.types.includes("kommun")),
    };
  }

  /** The boundary of a kommun or län; a region's boundary is its county's. */
  async getBoundary(areaType: AreaType, code: string): Promise<Boundary> {
    const [row] = await this.db.query<{ geometry: AreaGeometry; bbox: number[] }>(
      "SELECT geometry, bbox FROM boundaries WHERE area_type = $1 AND code = $2",
      [areaType, code],
    );
    if (row === undefined) {
      throw notFound(
        { sv: `Det finns ingen gräns för ${code}.`, en: `There is no boundary for ${code}.` },
        { areaType, code },
      );
    }
    return { areaType, code, geometry: row.geometry, bbox: row.bbox as unknown as BBox };
  }

  async listBoundaries(areaType: AreaType): Promise<Boundary[]> {
    const rows = await this.db.query<{ code: string; geometry: AreaGeometry; bbox: number[] }>(
      "SELECT code, geometry, bbox FROM boundaries WHERE area_type = $1 ORDER BY code",
      [areaType],
    );
    return rows.map((row) => ({
      areaType,
      code: row.code,
      geometry: row.geometry,
      bbox: row.bbox as unknown as BBox,
    }));
  }
}
