// Branded ids: a plain string cannot be passed where a checked code is expected.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Kommunkod: four digits, the first two the county ("0580"). */
export type KommunKod = Brand<string, "KommunKod">;
/** Länskod: two digits ("05"). */
export type LanKod = Brand<string, "LanKod">;
/** An organization's code: a kommunkod, or a region's länskod ("05"), or Region Gotland's "0980". */
export type OrganizationCode = Brand<string, "OrganizationCode">;

// The id patterns, written once: the domain, the API's schemas and the web's routes share them.
/** Kommunkod: four digits. */
export const KOMMUN_KOD = /^\d{4}$/;
/** Länskod: two digits. */
export const LAN_KOD = /^\d{2}$/;
/** An organization's code: a kommunkod or a region's länskod. */
export const ORGANIZATION_CODE = /^(\d{2}|\d{4})$/;
/** A specification's slug: lowercase ASCII kebab-case ("badplatser", "laddplatser-elbil"). */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A UUID as the database writes it (lowercase): release, user and token ids. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A catalog dataset's id: `{organization code}.{slug}` or `national.{slug}`. */
export const DATASET_ID = /^(national|\d{2}|\d{4})\.([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isKommunKod(value: string): value is KommunKod {
  return KOMMUN_KOD.test(value);
}

export function isLanKod(value: string): value is LanKod {
  return LAN_KOD.test(value);
}

export function isOrganizationCode(value: string): value is OrganizationCode {
  return ORGANIZATION_CODE.test(value);
}

/** The county a municipality belongs to: the first two digits of its code. */
export function lanOfKommun(code: KommunKod): LanKod {
  return code.slice(0, 2) as LanKod;
}
