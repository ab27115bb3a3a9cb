// Reads the OpenAPI document into the plain shape the documentation page shows. The document is
// checked as it is read (it is `unknown` here), so a malformed part is left out, never a crash.
import type { Language } from "../core/index.ts";

export interface ApiParameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly description: string | undefined;
  /** "string", "integer", "string | null", "array of string", or a schema name. */
  readonly type: string | undefined;
  readonly enumValues: readonly string[];
  readonly defaultValue: string | undefined;
  /** An example value to build a "try it" URL with. */
  readonly example: string | undefined;
}

export interface ApiResponse {
  readonly status: string;
  readonly description: string;
  readonly mediaTypes: readonly string[];
}

export interface ApiOperation {
  /** An HTML id for the operation: "get-api-v1-organizations-code". */
  readonly id: string;
  /** Upper case: "GET". */
  readonly method: string;
  readonly path: string;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly parameters: readonly ApiParameter[];
  readonly responses: readonly ApiResponse[];
}

export interface ApiTag {
  readonly name: string;
  readonly description: string | undefined;
}

export interface ApiDocument {
  readonly title: string;
  readonly version: string;
  readonly description: string | undefined;
  readonly tags: readonly ApiTag[];
  readonly operations: readonly ApiOperation[];
}

type JsonObject = Readonly<Record<string, unknown>>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The strings in an array; nothing for anything else. */
function strings(value: unknown): string[] {
  return arrayOf(value).filter((v): v is string => typeof v === "string");
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  return undefined;
}

/** Follows a local "#/components/..." reference; anything else stays as it is. */
function resolve(doc: JsonObject, value: unknown, depth = 0): unknown {
  if (!isObject(value) || depth > 10) return value;
  const ref = stringOf(value.$ref);
  if (ref?.startsWith("#/") !== true) return value;
  let target: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(target) || !Object.hasOwn(target, key)) return value;
    target = target[key];
  }
  return resolve(doc, target, depth + 1);
}

function refName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  return stringOf(value.$ref)?.split("/").at(-1);
}

function schemaType(doc: JsonObject, schema: unknown): string | undefined {
  const named = refName(schema);
  if (named !== undefined) return named;
  const resolved = resolve(doc, schema);
  if (!isObject(resolved)) return undefined;
  const type = resolved.type;
  let text = typeof type === "string" ? type : strings(type).join(" | ");
  if (text === "") return undefined;
  if (text === "array") {
    const items = schemaType(doc, resolved.items);
    if (items !== undefined) text = `array of ${items}`;
  }
  const format = stringOf(resolved.format);
  return format === undefined ? text : `${text} (${format})`;
}

function readParameter(doc: JsonObject, raw: unknown): ApiParameter | undefined {
  const parameter = resolve(doc, raw);
  if (!isObject(parameter)) return undefined;
  const name = stringOf(parameter.name);
  const location = stringOf(parameter.in);
  if (name === undefined || location === undefined) return undefined;
  const schema = resolve(doc, parameter.schema);
  const schemaObject = isObject(schema) ? schema : {};
  const enumValues = arrayOf(schemaObject.enum).flatMap((v) => scalarText(v) ?? []);
  return {
    name,
    in: location,
    required: parameter.required === true || location === "path",
    description: stringOf(parameter.description) ?? stringOf(schemaObject.description),
    type: schemaType(doc, parameter.schema),
    enumValues,
    defaultValue: scalarText(schemaObject.default),
    example: scalarText(parameter.example) ?? scalarText(schemaObject.example) ?? enumValues[0],
  };
}

function readResponses(doc: JsonObject, raw: unknown): ApiResponse[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw)
    .flatMap(([status, value]): ApiResponse[] => {
      const response = resolve(doc, value);
      if (!isObject(response)) return [];
      const description = stringOf(response.description) ?? "";
      return [
        { status, description, mediaTypes: isObject(response.content) ? Object.keys(response.content) : [] },
      ];
    })
    .sort((a, b) => a.status.localeCompare(b.status));
}

function operationId(method: string, path: string): string {
  const slug = path
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${method}-${slug}`;
}

export function readOpenApiDocument(raw: unknown): ApiDocument {
  const doc: JsonObject = isObject(raw) ? raw : {};
  const info = isObject(doc.info) ? doc.info : {};
  const tags: ApiTag[] = arrayOf(doc.tags)
    .filter(isObject)
    .flatMap((tag) => {
      const name = stringOf(tag.name);
      return name === undefined ? [] : [{ name, description: stringOf(tag.description) }];
    });
  const operations: ApiOperation[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolve(doc, rawItem);
    if (!isObject(item)) continue;
    const shared = arrayOf(item.parameters);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const own = arrayOf(operation.parameters);
      const parameters = new Map<string, ApiParameter>();
      // An operation's own parameter overrides a path-level one with the same name and location.
      for (const rawParameter of [...shared, ...own]) {
        const parameter = readParameter(doc, rawParameter);
        if (parameter !== undefined) parameters.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      operations.push({
        id: operationId(method, path),
        method: method.toUpperCase(),
        path,
        summary: stringOf(operation.summary),
        description: stringOf(operation.description),
        tags: strings(operation.tags),
        parameters: [...parameters.values()],
        responses: readResponses(doc, operation.responses),
      });
    }
  }
  // Tags the operations use but the document does not list come last, in the order first used.
  const listed = new Set(tags.map((tag) => tag.name));
  for (const tag of operations.flatMap((op) => op.tags)) {
    if (!listed.has(tag)) {
      listed.add(tag);
      tags.push({ name: tag, description: undefined });
    }
  }
  return {
    title: stringOf(info.title) ?? "API",
    version: stringOf(info.version) ?? "",
    description: stringOf(info.description),
    tags,
    operations,
  };
}

export interface LocalizedDocText {
  readonly text: string;
  /** The text's language when it is not the page's: the page marks it with lang. */
  readonly lang: Language | undefined;
}

/**
 * The API document's texts follow one convention: "svensk text / English text" where both exist,
 * otherwise English. This picks the page's language, and says when the text is in the other one.
 */
export function localizeDocText(text: string, language: Language): LocalizedDocText {
  const split = text.indexOf(" / ");
  if (split >= 0) {
    const sv = text.slice(0, split).trim();
    const en = text.slice(split + 3).trim();
    return language === "sv" ? { text: sv, lang: undefined } : { text: en, lang: undefined };
  }
  return { text, lang: language === "en" ? undefined : "en" };
}

/** A URL to try a GET operation with: path parameters filled from their examples; undefined when one has none. */
export function exampleUrl(operation: ApiOperation): string | undefined {
  if (operation.method !== "GET") return undefined;
  let url = operation.path;
  for (const parameter of operation.parameters) {
    if (parameter.in !== "path") continue;
    if (parameter.example === undefined) return undefined;
    url = url.replace(`{${parameter.name}}`, encodeURIComponent(parameter.example));
  }
  return /[{}]/.test(url) ? undefined : url;
}
