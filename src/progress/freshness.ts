/**
 * How often each prioritized dataset should be updated, in days, for the "fresh" criterion: the
 * interval its specification's subject changes at, with a margin. Unlisted datasets: yearly.
 */
const FRESH_DAYS: Readonly<Record<string, number>> = {
  luftkvalitet: 8,
  mobilitetsmatningar: 40,
  leverantorsreskontra: 40,
  evenemang: 31,
  laddplatser: 92,
  parkering: 183,
  "energianvandning-byggnader": 400,
  stompunkter: 730,
};

export const DEFAULT_FRESH_DAYS = 365;

export function freshDays(slug: string): number {
  return FRESH_DAYS[slug] ?? DEFAULT_FRESH_DAYS;
}
