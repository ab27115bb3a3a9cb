// Branded ids: a plain string cannot be passed where a checked code is expected.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Kommunkod: four digits, the first two the county ("0580"). */
export type KommunKod = Brand<string, "KommunKod">;
/** Länskod: two digits ("05"). */
export type LanKod = Brand<string, "LanKod">;
/** An organization's code: a kommunkod, or a region's länskod ("05"), or Region Gotland's "0980". */
export type OrganizationCode = Brand<string, "OrganizationCode">;

const KOMMUN_KOD = /^\d{4}$/;
const LAN_KOD = /^\d{2}$/;

export function isKommunKod(value: string): value is KommunKod {
  return KOMMUN_KOD.test(value);
}

export function isLanKod(value: string): value is LanKod {
  return LAN_KOD.test(value);
}

export function isOrganizationCode(value: string): value is OrganizationCode {
  return KOMMUN_KOD.test(value) || LAN_KOD.test(value);
}

/** The county a municipality belongs to: the first two digits of its code. */
export function lanOfKommun(code: KommunKod): LanKod {
  return code.slice(0, 2) as LanKod;
}
