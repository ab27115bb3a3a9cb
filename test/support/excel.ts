import type { SpecificationDefinition } from "../../src/specs/index.ts";

// The characters where Windows-1252 differs from Latin-1 that Swedish text uses.
const CP1252: Readonly<Record<string, number>> = {
  "€": 0x80,
  "…": 0x85,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "–": 0x96,
  "—": 0x97,
};

export function encodeWindows1252(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const code = CP1252[char] ?? char.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252: ${char}`);
    bytes[i] = code;
  }
  return bytes;
}

/** The example rows as Swedish Excel saves "CSV (semikolonavgränsad)": `;`, decimal comma, Windows-1252. */
export function swedishExcelCsv(definition: SpecificationDefinition): Uint8Array<ArrayBuffer> {
  const fields = definition.schema.fields;
  const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [fields.map((f) => f.name).join(";")];
  for (const row of definition.examples) {
    lines.push(
      fields
        .map((f) => {
          const value = row[f.name] ?? "";
          return cell(f.type === "number" ? value.replace(".", ",") : value);
        })
        .join(";"),
    );
  }
  return encodeWindows1252(lines.join("\r\n") + "\r\n");
}
