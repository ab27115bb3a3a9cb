// Query parameters of the national data API, checked against the specification: which
// parameters exist depends on its fields, so they are validated here rather than in a route schema.
import { AppError, isKommunKod, isLanKod, isOrganizationCode, type LocalizedText } from "../core/index.ts";
import { allowedValues, type FieldDefinition, type SpecificationDefinition } from "../specs/index.ts";

/** A query string as the HTTP layer hands it over: each name with the value(s) it was given. */
export type RawParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export type Bbox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

export type Comparison = "=" | ">=" | "<=";

/** One condition on a field of the record, typed by the specification. */
export type FieldCondition =
  | { readonly kind: "text"; readonly field: string; readonly value: string }
  | { readonly kind: "number"; readonly field: string; readonly op: Comparison; readonly value: string }
  /** Dates, datetimes, times, years, months: ISO text compared on the value's first characters. */
  | { readonly kind: "prefix"; readonly field: string; readonly op: Comparison; readonly value: string }
  | { readonly kind: "boolean"; readonly field: string; readonly value: boolean };

export interface DataFilter {
  readonly kommun?: string;
  readonly lan?: string;
  readonly organization?: string;
  readonly bbox?: Bbox;
  readonly q?: string;
  readonly fields: readonly FieldCondition[];
}

/** Rows ordered by a field (then by national id), or by national id when field is undefined. */
export interface SortOrder {
  readonly field: FieldDefinition | undefined;
  readonly descending: boolean;
  readonly numeric: boolean;
  /** As written in the query ("", "name", "-updated"); a cursor is bound to it. */
  readonly text: string;
}

/** The last row of a page: where the next page starts (exclusive). */
export interface KeysetPosition {
  /** The sort field's value as text (numbers in PostgreSQL's numeric text), null when missing. */
  readonly sortValue: string | null;
  readonly organization: string;
  readonly record: string;
}

export interface PagingOptions {
  readonly defaultLimit: number;
  readonly maxLimit: number;
  /** OGC API Features: a limit above the maximum is lowered to it rather than refused. */
  readonly clampLimit: boolean;
}

export interface ParseOptions {
  /** limit and cursor are accepted (a page), or not (an export of every matching row). */
  readonly paging: PagingOptions | undefined;
  /** Parameters the caller interprets itself (format, f, bom, datetime): accepted, not read here. */
  readonly passThrough?: readonly string[];
  /** The organization is fixed by the path, so the organization parameter is not offered. */
  readonly organizationFixed?: boolean;
}

export interface ParsedQuery {
  readonly filter: DataFilter;
  readonly sort: SortOrder;
  /** Undefined when not paging. */
  readonly limit: number | undefined;
  readonly after: KeysetPosition | undefined;
  /** The filter alone, normalised: equal filters give equal keys (count cache). */
  readonly filterKey: string;
  /** Everything that decides the answer, normalised (ETags). */
  readonly canonical: string;
}

export const API_PAGING: PagingOptions = { defaultLimit: 100, maxLimit: 1000, clampLimit: false };
export const OGC_PAGING: PagingOptions = { defaultLimit: 10, maxLimit: 10_000, clampLimit: true };

const FILTER_PARAMETERS = ["kommun", "lan", "organization", "bbox", "q", "sort"] as const;
const MAX_Q_LENGTH = 200;
const MAX_VALUE_LENGTH = 500;
const MAX_CURSOR_LENGTH = 2048;

interface Problem {
  readonly name: string;
  readonly found: string | undefined;
  readonly text: LocalizedText;
}

/** One BAD_REQUEST listing every problem, in the shape route-schema failures have. */
export function badParameters(problems: readonly Problem[]): AppError {
  const describe = (language: "sv" | "en") =>
    problems
      .map((p) => {
        const where = language === "sv" ? "frågeparametern" : "query parameter";
        const found =
          p.found === undefined
            ? ""
            : language === "sv"
              ? ` (fick "${p.found.slice(0, 100)}")`
              : ` (got "${p.found.slice(0, 100)}")`;
        return `${where} ${p.name}: ${p.text[language]}${found}`;
      })
      .join("; ");
  return new AppError(
    "BAD_REQUEST",
    { sv: `Ogiltig begäran: ${describe("sv")}`, en: `Invalid request: ${describe("en")}` },
    {
      details: problems.map((p) => ({
        in: "query",
        name: p.name,
        message: p.text.sv,
        ...(p.found === undefined ? {} : { found: p.found.slice(0, 200) }),
      })),
    },
  );
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const COORDINATE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const PREFIX_PATTERNS: Readonly<Record<string, { pattern: RegExp; text: LocalizedText }>> = {
  date: {
    pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/,
    text: { sv: "ett datum ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ)", en: "a date YYYY-MM-DD (or YYYY-MM, YYYY)" },
  },
  datetime: {
    pattern: /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/,
    text: {
      sv: "en tidpunkt ÅÅÅÅ-MM-DDTtt:mm:ss eller ett datum ÅÅÅÅ-MM-DD",
      en: "a date and time YYYY-MM-DDThh:mm:ss or a date YYYY-MM-DD",
    },
  },
  time: {
    pattern: /^\d{2}(:\d{2}(:\d{2})?)?$/,
    text: { sv: "ett klockslag tt:mm eller tt:mm:ss", en: "a time hh:mm or hh:mm:ss" },
  },
  year: { pattern: /^\d{4}$/, text: { sv: "ett årtal ÅÅÅÅ", en: "a year YYYY" } },
  yearmonth: {
    pattern: /^\d{4}(-\d{2})?$/,
    text: { sv: "en månad ÅÅÅÅ-MM", en: "a month YYYY-MM" },
  },
};
const TRUE_WORDS = new Set(["true", "ja"]);
const FALSE_WORDS = new Set(["false", "nej"]);

function hasRange(field: FieldDefinition): boolean {
  return field.type !== "string" && field.type !== "boolean";
}

/** Every parameter name this specification accepts, for the message about an unknown one. */
export function acceptedParameters(definition: SpecificationDefinition, options: ParseOptions): string[] {
  const names: string[] = FILTER_PARAMETERS.filter(
    (n) => !(options.organizationFixed && n === "organization"),
  );
  if (options.paging !== undefined) names.push("limit", "cursor");
  names.push(...(options.passThrough ?? []));
  for (const field of definition.schema.fields) {
    names.push(field.name);
    if (hasRange(field)) names.push(`${field.name}.min`, `${field.name}.max`);
  }
  return names;
}

/**
 * Reads and checks the parameters of a data query. Every problem is reported at once, each
 * naming the parameter, what it expects and what it got.
 */
export function parseDataQuery(
  definition: SpecificationDefinition,
  raw: RawParams,
  options: ParseOptions,
): ParsedQuery {
  const problems: Problem[] = [];
  const problem = (name: string, found: string | undefined, text: LocalizedText) =>
    problems.push({ name, found, text });
  const fields = new Map(definition.schema.fields.map((f) => [f.name, f]));
  const accepted = new Set(acceptedParameters(definition, options));

  // One value per name; repeating a parameter is more likely a mistake than an OR.
  const values = new Map<string, string>();
  for (const [name, given] of Object.entries(raw)) {
    if (given === undefined) continue;
    const list = typeof given === "string" ? [given] : given;
    if (!accepted.has(name)) {
      const names = [...accepted];
      problem(name, undefined, {
        sv: `okänd parameter. Tillåtna parametrar för ${definition.slug}: ${names.join(", ")}`,
        en: `unknown parameter. The parameters accepted for ${definition.slug} are: ${names.join(", ")}`,
      });
      continue;
    }
    if (list.length !== 1) {
      problem(name, list.join(","), {
        sv: `ska anges en gång, den angavs ${list.length} gånger`,
        en: `must be given once, it was given ${list.length} times`,
      });
      continue;
    }
    const value = list[0] ?? "";
    // PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
    if (value.includes("\u0000")) {
      problem(name, value.replaceAll("\u0000", "\\0"), {
        sv: "får inte innehålla NUL-tecken (%00)",
        en: "must not contain NUL characters (%00)",
      });
      continue;
    }
    values.set(name, value);
  }

  const canonical: [string, string][] = [];
  const filter: {
    kommun?: string;
    lan?: string;
    organization?: string;
    bbox?: Bbox;
    q?: string;
    fields: FieldCondition[];
  } = { fields: [] };

  const kommun = values.get("kommun");
  if (kommun !== undefined) {
    if (isKommunKod(kommun)) filter.kommun = kommun;
    else
      problem("kommun", kommun, {
        sv: "ska vara en kommunkod med fyra siffror, till exempel 0580",
        en: "must be a municipality code of four digits, e.g. 0580",
      });
  }
  const lan = values.get("lan");
  if (lan !== undefined) {
    if (isLanKod(lan)) filter.lan = lan;
    else
      problem("lan", lan, {
        sv: "ska vara en länskod med två siffror, till exempel 05",
        en: "must be a county code of two digits, e.g. 05",
      });
  }
  const organization = values.get("organization");
  if (organization !== undefined) {
    if (isOrganizationCode(organization)) filter.organization = organization;
    else
      problem("organization", organization, {
        sv: "ska vara en organisationskod: fyra siffror (kommun) eller två (region)",
        en: "must be an organization code: four digits (municipality) or two (region)",
      });
  }
  const bboxText = values.get("bbox");
  if (bboxText !== undefined) {
    const bbox = parseBbox(bboxText);
    if ("problem" in bbox) problem("bbox", bboxText, bbox.problem);
    else filter.bbox = bbox.value;
  }
  const q = values.get("q");
  if (q !== undefined) {
    const trimmed = q.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_Q_LENGTH)
      problem("q", q, {
        sv: `ska vara en söktext på 1 till ${MAX_Q_LENGTH} tecken`,
        en: `must be a search text of 1 to ${MAX_Q_LENGTH} characters`,
      });
    else filter.q = trimmed;
  }

  for (const [name, value] of values) {
    const dot = name.lastIndexOf(".");
    const fieldName = dot === -1 ? name : name.slice(0, dot);
    const field = fields.get(fieldName);
    if (field === undefined) continue;
    const op: Comparison = dot === -1 ? "=" : name.endsWith(".min") ? ">=" : "<=";
    const condition = parseFieldCondition(field, op, value);
    if ("problem" in condition) problem(name, value, condition.problem);
    else {
      filter.fields.push(condition.value);
      canonical.push([name, canonicalValue(condition.value)]);
    }
  }

  const sort = parseSort(values.get("sort"), fields, problem);
  if (sort.text !== "") canonical.push(["sort", sort.text]);

  let limit: number | undefined;
  let after: KeysetPosition | undefined;
  if (options.paging !== undefined) {
    limit = parseLimit(values.get("limit"), options.paging, problem);
    const cursor = values.get("cursor");
    if (cursor !== undefined && problems.length === 0) after = decodeDataCursor(cursor, sort);
  }

  if (problems.length > 0) throw badParameters(problems);

  if (filter.kommun !== undefined) canonical.push(["kommun", filter.kommun]);
  if (filter.lan !== undefined) canonical.push(["lan", filter.lan]);
  if (filter.organization !== undefined) canonical.push(["organization", filter.organization]);
  if (filter.bbox !== undefined) canonical.push(["bbox", filter.bbox.join(",")]);
  if (filter.q !== undefined) canonical.push(["q", filter.q]);
  const byName = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  canonical.sort(byName);
  const filterKey = new URLSearchParams(canonical.filter(([n]) => n !== "sort")).toString();
  const all: [string, string][] = [...canonical];
  if (limit !== undefined) all.push(["limit", String(limit)]);
  const cursor = values.get("cursor");
  if (after !== undefined && cursor !== undefined) all.push(["cursor", cursor]);
  return {
    filter,
    sort,
    limit,
    after,
    filterKey,
    canonical: new URLSearchParams(all).toString(),
  };
}

type Parsed<T> = { readonly value: T } | { readonly problem: LocalizedText };

const BBOX_EXPECTED: LocalizedText = {
  sv: "ska vara fyra tal minLon,minLat,maxLon,maxLat i WGS 84, till exempel 15.5,58.3,15.7,58.5",
  en: "must be four numbers minLon,minLat,maxLon,maxLat in WGS 84, e.g. 15.5,58.3,15.7,58.5",
};

/** minLon,minLat,maxLon,maxLat in WGS 84. Six numbers (with heights, as OGC allows) keep the four. */
export function parseBbox(text: string): Parsed<Bbox> {
  const parts = text.split(",").map((p) => p.trim());
  if (!(parts.length === 4 || parts.length === 6) || !parts.every((p) => COORDINATE.test(p)))
    return { problem: BBOX_EXPECTED };
  const n = parts.map(Number);
  const [minLon, minLat, maxLon, maxLat] =
    n.length === 6 ? [n[0], n[1], n[3], n[4]] : [n[0], n[1], n[2], n[3]];
  if (minLon === undefined || minLat === undefined || maxLon === undefined || maxLat === undefined)
    return { problem: BBOX_EXPECTED };
  if ([minLon, maxLon].some((v) => v < -180 || v > 180) || [minLat, maxLat].some((v) => v < -90 || v > 90))
    return {
      problem: {
        sv: `${BBOX_EXPECTED.sv}; longitud ligger mellan -180 och 180, latitud mellan -90 och 90`,
        en: `${BBOX_EXPECTED.en}; longitude lies between -180 and 180, latitude between -90 and 90`,
      },
    };
  if (minLon >= maxLon || minLat >= maxLat)
    return {
      problem: {
        sv: `${BBOX_EXPECTED.sv}; minLon ska vara mindre än maxLon och minLat mindre än maxLat`,
        en: `${BBOX_EXPECTED.en}; minLon must be less than maxLon and minLat less than maxLat`,
      },
    };
  return { value: [minLon, minLat, maxLon, maxLat] };
}

function parseFieldCondition(field: FieldDefinition, op: Comparison, value: string): Parsed<FieldCondition> {
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH)
    return {
      problem: {
        sv: `ska vara ett värde på 1 till ${MAX_VALUE_LENGTH} tecken för fältet ${field.name}`,
        en: `must be a value of 1 to ${MAX_VALUE_LENGTH} characters for the field ${field.name}`,
      },
    };
  switch (field.type) {
    case "string": {
      const allowed = allowedValues(field);
      if (allowed !== undefined && !allowed.includes(value))
        return {
          problem: {
            sv: `fältet ${field.name} har värdena ${allowed.join(", ")}`,
            en: `the field ${field.name} takes the values ${allowed.join(", ")}`,
          },
        };
      return { value: { kind: "text", field: field.name, value } };
    }
    case "integer":
    case "number": {
      const ok = field.type === "integer" ? INTEGER.test(value) : NUMBER.test(value);
      if (!ok)
        return {
          problem:
            field.type === "integer"
              ? { sv: `fältet ${field.name} är ett heltal`, en: `the field ${field.name} is a whole number` }
              : {
                  sv: `fältet ${field.name} är ett tal, med punkt som decimaltecken (t.ex. 12.5)`,
                  en: `the field ${field.name} is a number, with a dot as decimal separator (e.g. 12.5)`,
                },
        };
      return { value: { kind: "number", field: field.name, op, value: value.replace(/^\+/, "") } };
    }
    case "boolean": {
      const word = value.toLowerCase();
      if (!TRUE_WORDS.has(word) && !FALSE_WORDS.has(word))
        return {
          problem: {
            sv: `fältet ${field.name} är sant eller falskt: true, false, ja eller nej`,
            en: `the field ${field.name} is true or false: true, false, ja or nej`,
          },
        };
      return { value: { kind: "boolean", field: field.name, value: TRUE_WORDS.has(word) } };
    }
    default: {
      const expected = PREFIX_PATTERNS[field.type];
      if (expected === undefined || !expected.pattern.test(value))
        return {
          problem: {
            sv: `fältet ${field.name} är ${expected?.text.sv ?? field.type}`,
            en: `the field ${field.name} is ${expected?.text.en ?? field.type}`,
          },
        };
      return { value: { kind: "prefix", field: field.name, op, value } };
    }
  }
}

function canonicalValue(condition: FieldCondition): string {
  return condition.kind === "boolean" ? String(condition.value) : condition.value;
}

function parseSort(
  text: string | undefined,
  fields: ReadonlyMap<string, FieldDefinition>,
  problem: (name: string, found: string | undefined, text: LocalizedText) => void,
): SortOrder {
  if (text === undefined || text === "")
    return { field: undefined, descending: false, numeric: false, text: "" };
  const descending = text.startsWith("-");
  const name = descending ? text.slice(1) : text;
  const field = fields.get(name);
  if (field === undefined) {
    const names = [...fields.keys()].join(", ");
    problem("sort", text, {
      sv: `ska vara ett fältnamn, med - först för fallande ordning. Fälten är: ${names}`,
      en: `must be a field name, with a leading - for descending order. The fields are: ${names}`,
    });
    return { field: undefined, descending: false, numeric: false, text: "" };
  }
  return { field, descending, numeric: field.type === "integer" || field.type === "number", text };
}

function parseLimit(
  text: string | undefined,
  paging: PagingOptions,
  problem: (name: string, found: string | undefined, text: LocalizedText) => void,
): number {
  if (text === undefined) return paging.defaultLimit;
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(n) && n >= 1 && (n <= paging.maxLimit || paging.clampLimit))
    return Math.min(n, paging.maxLimit);
  problem("limit", text, {
    sv: `ska vara ett heltal från 1 till ${paging.maxLimit}`,
    en: `must be a whole number from 1 to ${paging.maxLimit}`,
  });
  return paging.defaultLimit;
}

// Cursors: base64url of a small JSON document. They are opaque to clients, and checked on the
// way back in, since anything a client sends can have been edited.

interface CursorDocument {
  readonly v: 1;
  /** The sort it was made for. */
  readonly s: string;
  readonly k: string | null;
  readonly o: string;
  readonly r: string;
}

export function encodeDataCursor(sort: SortOrder, position: KeysetPosition): string {
  const doc: CursorDocument = {
    v: 1,
    s: sort.text,
    k: position.sortValue,
    o: position.organization,
    r: position.record,
  };
  return Buffer.from(JSON.stringify(doc), "utf8").toString("base64url");
}

function cursorError(reason: LocalizedText): AppError {
  return new AppError(
    "BAD_REQUEST",
    {
      sv: `Parametern cursor är ogiltig: ${reason.sv}. Använd värdet i fältet next (eller länken next) från föregående sida, med samma sortering.`,
      en: `The cursor parameter is invalid: ${reason.en}. Use the value of the next field (or the next link) of the previous page, with the same sort.`,
    },
    { details: [{ in: "query", name: "cursor", message: reason.sv }] },
  );
}

export function decodeDataCursor(cursor: string, sort: SortOrder): KeysetPosition {
  const unreadable = { sv: "den går inte att läsa", en: "it cannot be read" };
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw cursorError(unreadable);
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw cursorError(unreadable);
  }
  if (!isCursorDocument(doc)) throw cursorError(unreadable);
  if (doc.s !== sort.text) {
    const shown = (s: string) => (s === "" ? "id" : s);
    throw cursorError({
      sv: `den hör till sort=${shown(doc.s)}, men begäran sorterar på ${shown(sort.text)}`,
      en: `it belongs to sort=${shown(doc.s)}, but the request sorts by ${shown(sort.text)}`,
    });
  }
  const keyOk =
    sort.field === undefined ? doc.k === null : doc.k === null || !sort.numeric || NUMBER.test(doc.k);
  if (!keyOk) throw cursorError(unreadable);
  return { sortValue: doc.k, organization: doc.o, record: doc.r };
}

function isCursorDocument(doc: unknown): doc is CursorDocument {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return false;
  const d = doc as Record<string, unknown>;
  return (
    Object.keys(d).length === 5 &&
    d.v === 1 &&
    typeof d.s === "string" &&
    (d.k === null || (typeof d.k === "string" && d.k.length <= 1000)) &&
    typeof d.o === "string" &&
    isOrganizationCode(d.o) &&
    typeof d.r === "string" &&
    d.r.length > 0 &&
    d.r.length <= 1000 &&
    !d.r.includes("\u0000") &&
    !(typeof d.k === "string" && d.k.includes("\u0000"))
  );
}
