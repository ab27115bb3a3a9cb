import type { FieldDefinition } from "../specs/definition.ts";
import { editDistance, foldName } from "./text.ts";
import type { Issue, Severity } from "./types.ts";

export interface HeaderMapping {
  /** Per field (specification order): its column in the file, or -1. */
  readonly columns: readonly number[];
  /** Columns whose header is renamed by the fixer: column → field name. */
  readonly renames: ReadonlyMap<number, string>;
  readonly issues: readonly Issue[];
}

/**
 * Maps the file's header onto the specification's fields: exact names first, then the same name
 * without case or diacritics, a title or a synonym (an `incorrect-header` the fixer renames), and
 * for what is still missing, a near miss by edit distance is suggested.
 */
export function mapHeader(
  header: readonly string[],
  fields: readonly FieldDefinition[],
  options: { readonly rowNumber: number | null; readonly required: (field: FieldDefinition) => boolean },
): HeaderMapping {
  const issues: Issue[] = [];
  const names = header.map((h) => h.trim());
  const claimed = new Array<boolean>(names.length).fill(false);
  const columns = new Array<number>(fields.length).fill(-1);
  const renames = new Map<number, string>();
  const row = options.rowNumber;
  const issue = (
    severity: Severity,
    type: Issue["type"],
    column: number | null,
    fieldName: string | null,
    sv: string,
    en: string,
    fix?: Issue["fix"],
  ): void => {
    issues.push({
      type,
      severity,
      rowNumber: row,
      fieldName,
      fieldNumber: column === null ? null : column + 1,
      cell: column === null ? null : (names[column] ?? null),
      message: { sv, en },
      ...(fix === undefined ? {} : { fix }),
    });
  };

  // Blank and duplicate headers.
  const lastNamed = names.reduce((last, name, i) => (name === "" ? last : i), -1);
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === "") {
      claimed[i] = true;
      // Trailing empty columns are what Excel leaves after a deleted column: a warning.
      const trailing = i > lastNamed;
      issue(
        trailing ? "warning" : "error",
        "blank-header",
        i,
        null,
        `Kolumn ${i + 1} saknar rubrik. Ge den ett namn från specifikationen eller ta bort kolumnen.`,
        `Column ${i + 1} has no header. Give it a name from the specification or delete the column.`,
      );
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      claimed[i] = true;
      issue(
        "error",
        "duplicate-header",
        i,
        name,
        `Kolumn ${i + 1} heter "${name}" precis som kolumn ${first + 1}. Varje rubrik får bara finnas en gång; värdena i kolumn ${i + 1} kontrolleras inte.`,
        `Column ${i + 1} is named "${name}" just like column ${first + 1}. Each header may occur once; the values in column ${i + 1} are not checked.`,
      );
      return;
    }
    seen.set(name, i);
  });

  // Exact names.
  fields.forEach((field, f) => {
    const i = seen.get(field.name);
    if (i !== undefined && !claimed[i]) {
      columns[f] = i;
      claimed[i] = true;
    }
  });

  // The same name folded, a title or a synonym.
  fields.forEach((field, f) => {
    if (columns[f] !== -1) return;
    const variants = new Set(
      [field.name, field.title, field.titles.sv, field.titles.en, ...(field.synonyms ?? [])].map(foldName),
    );
    const i = names.findIndex((name, j) => !claimed[j] && variants.has(foldName(name)));
    if (i === -1) return;
    columns[f] = i;
    claimed[i] = true;
    renames.set(i, field.name);
    issue(
      "error",
      "incorrect-header",
      i,
      field.name,
      `Kolumn ${i + 1} heter "${names[i] ?? ""}"; specifikationen kallar fältet "${field.name}". Värdena kontrollerades som "${field.name}".`,
      `Column ${i + 1} is named "${names[i] ?? ""}"; the specification calls the field "${field.name}". The values were checked as "${field.name}".`,
      {
        value: field.name,
        automatic: true,
        message: { sv: `Byt rubriken till "${field.name}".`, en: `Rename the header to "${field.name}".` },
      },
    );
  });

  // Missing fields, with a near miss among the columns nobody claimed.
  fields.forEach((field, f) => {
    if (columns[f] !== -1) return;
    const target = foldName(field.name);
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    names.forEach((name, j) => {
      if (claimed[j]) return;
      const limit = Math.min(2, Math.floor(Math.max(target.length, 3) / 3));
      const d = editDistance(foldName(name), target, limit);
      if (d <= limit && d < bestDistance) {
        best = j;
        bestDistance = d;
      }
    });
    const required = options.required(field);
    const severity: Severity = required ? "error" : "warning";
    const what = required ? { sv: "obligatoriska ", en: "required " } : { sv: "", en: "" };
    if (best >= 0) {
      claimed[best] = true;
      const found = names[best] ?? "";
      issue(
        severity,
        "missing-header",
        best,
        field.name,
        `Väntade kolumnen "${field.name}" (${what.sv}fält) men den saknas. Kolumn ${best + 1} heter "${found}": menade du "${field.name}"?`,
        `Expected the ${what.en}column "${field.name}" but it is missing. Column ${best + 1} is named "${found}": did you mean "${field.name}"?`,
        {
          value: field.name,
          automatic: false,
          message: {
            sv: `Byt rubriken "${found}" till "${field.name}".`,
            en: `Rename the header "${found}" to "${field.name}".`,
          },
        },
      );
    } else {
      issue(
        severity,
        "missing-header",
        null,
        field.name,
        `Väntade kolumnen "${field.name}" (${what.sv}fält: ${field.titles.sv}) men filen har ingen sådan rubrik.`,
        `Expected the ${what.en}column "${field.name}" (${field.titles.en}) but the file has no such header.`,
      );
    }
  });

  // Columns the specification does not know.
  names.forEach((name, i) => {
    if (claimed[i]) return;
    issue(
      "warning",
      "extra-header",
      i,
      name,
      `Kolumn ${i + 1} ("${name}") finns inte i specifikationen och kontrolleras inte.`,
      `Column ${i + 1} ("${name}") is not in the specification and is not checked.`,
    );
  });

  return { columns, renames, issues };
}
