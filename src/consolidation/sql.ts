// SQL for the national data queries. Values always travel as parameters; the only names put
// into the text are field names, which the specification format restricts to [a-z][a-z0-9_]*.
import { foldForSearch } from "../core/index.ts";
import type { SqlParams } from "../db/index.ts";
import type { DataFilter, FieldCondition, KeysetPosition, SortOrder } from "./filters.ts";

const FIELD_NAME = /^[a-z][a-z0-9_]*$/;

function checkedName(field: string): string {
  if (!FIELD_NAME.test(field)) throw new Error(`not a field name: ${field}`);
  return field;
}

function jsonPath(field: string): string {
  return `data->'${checkedName(field)}'`;
}

function textOf(field: string): string {
  return `(data->>'${checkedName(field)}')`;
}

/** The field as a number, or null when the stored value is not one (never a cast error). */
function numberOf(field: string): string {
  return `(CASE WHEN jsonb_typeof(${jsonPath(field)}) = 'number' THEN ${textOf(field)}::numeric END)`;
}

function fieldCondition(condition: FieldCondition, params: SqlParams): string {
  switch (condition.kind) {
    case "text":
      return `${textOf(condition.field)} = ${params.add(condition.value)}`;
    case "number":
      return `${numberOf(condition.field)} ${condition.op} ${params.add(condition.value)}::numeric`;
    case "boolean":
      return `${jsonPath(condition.field)} = ${params.add(String(condition.value))}::jsonb`;
    case "prefix":
      // ISO text sorts chronologically in the C collation. Comparing the stored value's first
      // characters makes updated=2025-06 mean all of June, and updated.max=2025-06-30 include that day.
      return `left(${textOf(condition.field)}, ${condition.value.length}) COLLATE "C" ${condition.op} ${params.add(condition.value)}`;
  }
}

/** The WHERE conditions of a filter over one specification's rows. */
export function whereConditions(slug: string, filter: DataFilter, params: SqlParams): string[] {
  const where = [`spec_slug = ${params.add(slug)}`];
  if (filter.kommun !== undefined) where.push(`kommun_code = ${params.add(filter.kommun)}`);
  if (filter.lan !== undefined) where.push(`lan_code = ${params.add(filter.lan)}`);
  if (filter.organization !== undefined) where.push(`organization_code = ${params.add(filter.organization)}`);
  if (filter.bbox !== undefined) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    where.push(
      `longitude BETWEEN ${params.add(minLon)}::float8 AND ${params.add(maxLon)}::float8`,
      `latitude BETWEEN ${params.add(minLat)}::float8 AND ${params.add(maxLat)}::float8`,
    );
  }
  if (filter.q !== undefined) {
    // The stored vector holds Swedish stems of the text and the folded text ("malmo" finds Malmö).
    where.push(
      `search @@ (websearch_to_tsquery('swedish', ${params.add(filter.q)}) || websearch_to_tsquery('simple', ${params.add(foldForSearch(filter.q))}))`,
    );
  }
  for (const condition of filter.fields) where.push(fieldCondition(condition, params));
  return where;
}

/** The sort field's expression, or undefined when rows are ordered by national id alone. */
export function sortExpression(sort: SortOrder): string | undefined {
  if (sort.field === undefined) return undefined;
  return sort.numeric ? numberOf(sort.field.name) : textOf(sort.field.name);
}

/** ORDER BY for the sort: the field (missing values last), then the national id, all one way. */
export function orderBy(sort: SortOrder): string {
  const dir = sort.descending ? "DESC" : "ASC";
  const expression = sortExpression(sort);
  const id = `organization_code ${dir}, record_id ${dir}`;
  return expression === undefined ? id : `${expression} ${dir} NULLS LAST, ${id}`;
}

/**
 * The rows after a keyset position in that order. Rows whose sort value is missing come last
 * in either direction, so a position in them continues among them only.
 */
export function keysetCondition(sort: SortOrder, after: KeysetPosition, params: SqlParams): string {
  const cmp = sort.descending ? "<" : ">";
  const expression = sortExpression(sort);
  const o = params.add(after.organization);
  const r = params.add(after.record);
  if (expression === undefined) return `(organization_code, record_id) ${cmp} (${o}, ${r})`;
  if (after.sortValue === null) {
    return `(${expression} IS NULL AND (organization_code, record_id) ${cmp} (${o}, ${r}))`;
  }
  const k = `${params.add(after.sortValue)}${sort.numeric ? "::numeric" : ""}`;
  return `((${expression}, organization_code, record_id) ${cmp} (${k}, ${o}, ${r}) OR ${expression} IS NULL)`;
}
