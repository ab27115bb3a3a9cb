// Messages for problems found while reading a file (the cell messages live beside their checks).
// Each says what was expected, what was found and where, in Swedish and English.
import type { CsvStop } from "./reader/csv-parser.ts";
import type { ReaderLimits } from "./reader/types.ts";
import { numberEn, numberSv, rowWord, where } from "./text.ts";
import type { Dialect, Issue, IssueType, Severity, TableFormat, TextEncoding } from "./types.ts";

const ENCODING_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 med BOM",
  "windows-1252": "Windows-1252",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16",
};
const DELIMITER_NAMES: Record<NonNullable<Dialect["delimiter"]>, { sv: string; en: string }> = {
  ",": { sv: "kommatecken (,)", en: "comma (,)" },
  ";": { sv: "semikolon (;)", en: "semicolon (;)" },
  "\t": { sv: "tabb", en: "tab" },
  "|": { sv: "lodstreck (|)", en: "pipe (|)" },
};

function fileIssue(
  type: IssueType,
  severity: Severity,
  rowNumber: number | null,
  sv: string,
  en: string,
  fieldNumber: number | null = null,
): Issue {
  return { type, severity, rowNumber, fieldName: null, fieldNumber, cell: null, message: { sv, en } };
}

const MIB = 1024 * 1024;
function size(bytes: number): { sv: string; en: string } {
  const mib = Math.round((bytes / MIB) * 10) / 10;
  return bytes >= MIB
    ? { sv: `${numberSv(mib)} MiB`, en: `${numberEn(mib)} MiB` }
    : { sv: `${numberSv(Math.ceil(bytes / 1024))} KiB`, en: `${numberEn(Math.ceil(bytes / 1024))} KiB` };
}

export function emptyFile(): Issue {
  return fileIssue(
    "source-error",
    "error",
    null,
    "Filen är tom: väntade en rubrikrad och datarader.",
    "The file is empty: expected a header row and data rows.",
  );
}

export function noRows(format: TableFormat): Issue {
  const what = format === "json" || format === "geojson" ? "objekt" : "datarader";
  return fileIssue(
    "source-error",
    "warning",
    null,
    `Filen har inga ${what}, bara ${format === "csv" || format === "xlsx" ? "en rubrikrad" : "en tom lista"}.`,
    `The file has no ${format === "csv" || format === "xlsx" ? "data rows, only a header row" : "objects, only an empty list"}.`,
  );
}

export function binaryFile(kind: "nul" | "pdf" | "xls" | "zip"): Issue {
  const texts = {
    nul: [
      "Filen är inte en textfil (den innehåller NUL-tecken i början). Väntade CSV, JSON, GeoJSON eller Excel (.xlsx).",
      "The file is not a text file (it contains NUL bytes at the start). Expected CSV, JSON, GeoJSON or Excel (.xlsx).",
    ],
    pdf: [
      "Filen är en PDF. Väntade CSV, JSON, GeoJSON eller Excel (.xlsx).",
      "The file is a PDF. Expected CSV, JSON, GeoJSON or Excel (.xlsx).",
    ],
    xls: [
      "Filen är i det gamla Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller CSV UTF-8.",
      "The file is in the old Excel format (.xls). Save it as an Excel workbook (.xlsx) or CSV UTF-8.",
    ],
    zip: [
      "Filen är ett zip-arkiv men inte en Excel-arbetsbok (.xlsx) som går att läsa.",
      "The file is a zip archive but not a readable Excel workbook (.xlsx).",
    ],
  } as const;
  const [sv, en] = texts[kind];
  return fileIssue("source-error", "error", null, sv, en);
}

export function tooLarge(maxBytes: number): Issue {
  const s = size(maxBytes);
  return fileIssue(
    "source-error",
    "error",
    null,
    `Filen är större än ${s.sv}, den största storlek som tas emot. Läsningen avbröts där.`,
    `The file is larger than ${s.en}, the largest size accepted. Reading stopped there.`,
  );
}

export function unreadable(detail: string): Issue {
  return fileIssue(
    "source-error",
    "error",
    null,
    `Filen gick inte att läsa till slut (${detail}).`,
    `The file could not be read to the end (${detail}).`,
  );
}

export function encodingGuess(encoding: TextEncoding): Issue {
  const name = ENCODING_NAMES[encoding];
  return fileIssue(
    "dialect",
    "warning",
    null,
    `Teckenkodningen är osäker; filen lästes som ${name}. Kontrollera att å, ä och ö ser rätt ut, och spara helst som CSV UTF-8.`,
    `The character encoding is uncertain; the file was read as ${name}. Check that å, ä and ö look right, and preferably save as CSV UTF-8.`,
  );
}

export function delimiterGuess(delimiter: NonNullable<Dialect["delimiter"]>): Issue {
  const name = DELIMITER_NAMES[delimiter];
  return fileIssue(
    "dialect",
    "warning",
    null,
    `Avgränsaren är osäker: raderna har olika antal avgränsare. Filen lästes med ${name.sv} som avgränsare.`,
    `The delimiter is uncertain: the lines have different numbers of delimiters. The file was read with ${name.en} as delimiter.`,
  );
}

/** One warning naming how the file departs from the platform's CSV (UTF-8, comma, decimal point). */
export function dialectNotice(dialect: Dialect): Issue | undefined {
  const sv: string[] = [];
  const en: string[] = [];
  if (dialect.encoding === "windows-1252" || dialect.encoding?.startsWith("utf-16") === true) {
    const name = ENCODING_NAMES[dialect.encoding];
    sv.push(`teckenkodningen är ${name}`);
    en.push(`the encoding is ${name}`);
  }
  if (dialect.delimiter !== null && dialect.delimiter !== ",") {
    const name = DELIMITER_NAMES[dialect.delimiter];
    sv.push(`avgränsaren är ${name.sv}`);
    en.push(`the delimiter is a ${name.en}`);
  }
  if (sv.length === 0) return undefined;
  return fileIssue(
    "dialect",
    "warning",
    null,
    `Filen går att läsa, men ${sv.join(" och ")}. Plattformens format är UTF-8 med kommatecken som avgränsare; rättningen gör om filen så.`,
    `The file can be read, but ${en.join(" and ")}. The platform's format is UTF-8, comma-delimited; the fixer converts the file.`,
  );
}

export function encodingSwitched(rowNumber: number): Issue {
  return fileIssue(
    "dialect",
    "warning",
    rowNumber,
    `Rad ${rowNumber}: filen såg ut att vara UTF-8 men här finns tecken som inte är UTF-8; resten lästes som Windows-1252. Kontrollera å, ä och ö och spara helst som CSV UTF-8.`,
    `Row ${rowNumber}: the file looked like UTF-8 but here are bytes that are not UTF-8; the rest was read as Windows-1252. Check å, ä and ö, and preferably save as CSV UTF-8.`,
  );
}

export function invalidUtf8(rowNumber: number): Issue {
  return fileIssue(
    "encoding-error",
    "error",
    rowNumber,
    `Rad ${rowNumber}: väntade text i UTF-8 som resten av filen, fick byte som inte är giltig UTF-8 (troligen text inklistrad från ett annat program). Tecknet visas som �; skriv om det.`,
    `Row ${rowNumber}: expected UTF-8 text like the rest of the file, found bytes that are not valid UTF-8 (probably text pasted from another program). The character shows as �; retype it.`,
  );
}

export function nulByte(format: TableFormat, rowNumber: number): Issue {
  const at = rowWord(format, rowNumber);
  return fileIssue(
    "source-error",
    "error",
    rowNumber,
    `${at.sv}: väntade text, fick ett NUL-tecken (byte 0). Filen verkar vara binär eller sparad i fel format (t.ex. UTF-16 utan BOM). Läsningen stoppades här; spara filen som CSV UTF-8.`,
    `${at.en}: expected text, found a NUL byte (byte 0). The file looks binary or saved in the wrong format (e.g. UTF-16 without a BOM). Reading stopped here; save the file as CSV UTF-8.`,
  );
}

/**
 * A cell holding a character no text column can store (PostgreSQL refuses it): U+0000 (JSON's
 * "\u0000", Excel's _x0000_) or half a surrogate pair ("\ud800"). An error here, not at publish.
 */
export function unstorableCharacter(
  format: TableFormat,
  rowNumber: number,
  fieldName: string | null,
  fieldNumber: number | null = null,
): Issue {
  const at =
    fieldName === null && fieldNumber !== null
      ? atColumn(format, rowNumber, fieldNumber)
      : where(format, rowNumber, fieldName);
  return {
    ...fileIssue(
      "source-error",
      "error",
      rowNumber,
      `${at.sv}: väntade text, fick ett tecken som inte kan lagras: ett NUL-tecken (U+0000, i JSON skrivet \\u0000) eller ett halvt surrogatpar (\\ud800–\\udfff). Ta bort det ur värdet.`,
      `${at.en}: expected text, found a character that cannot be stored: a NUL character (U+0000, written \\u0000 in JSON) or half a surrogate pair (\\ud800–\\udfff). Remove it from the value.`,
      fieldNumber,
    ),
    fieldName,
  };
}

export function oversizeCell(
  format: TableFormat,
  rowNumber: number,
  column: number,
  length: number,
  maxChars: number,
): Issue {
  const at = rowWord(format, rowNumber);
  const cap = size(maxChars);
  const found = size(length);
  return {
    type: "oversize-cell",
    severity: "error",
    rowNumber,
    fieldName: null,
    fieldNumber: column,
    cell: null,
    message: {
      sv: `${at.sv}, kolumn ${column}: väntade en cell på högst ${cap.sv}, fick ${found.sv}.`,
      en: `${at.en}, column ${column}: expected a cell of at most ${cap.en}, found ${found.en}.`,
    },
  };
}

export function csvStop(format: TableFormat, stop: CsvStop, limits: ReaderLimits): Issue {
  const at = rowWord(format, stop.rowNumber);
  switch (stop.kind) {
    case "unclosed-quote": {
      const cap = size(limits.maxRowChars);
      return fileIssue(
        "source-error",
        "error",
        stop.rowNumber,
        `${at.sv}, kolumn ${stop.column}: ett citattecken (") öppnar cellen men stängs aldrig (inom ${cap.sv}). Läsningen stoppades här; lägg till det avslutande citattecknet eller ta bort det inledande.`,
        `${at.en}, column ${stop.column}: a quote (") opens the cell but is never closed (within ${cap.en}). Reading stopped here; add the closing quote or remove the opening one.`,
        stop.column,
      );
    }
    case "row-too-long": {
      const cap = size(limits.maxRowChars);
      return fileIssue(
        "source-error",
        "error",
        stop.rowNumber,
        `${at.sv}: väntade en rad på högst ${cap.sv}, fick en längre utan radslut. Läsningen stoppades här.`,
        `${at.en}: expected a row of at most ${cap.en}, found a longer one without a line end. Reading stopped here.`,
      );
    }
    case "too-many-columns":
      return fileIssue(
        "source-error",
        "error",
        stop.rowNumber,
        `${at.sv}: väntade högst ${numberSv(limits.maxColumns)} kolumner, fick ${numberSv(stop.columns)}. Kontrollera avgränsaren; läsningen stoppades här.`,
        `${at.en}: expected at most ${numberEn(limits.maxColumns)} columns, found ${numberEn(stop.columns)}. Check the delimiter; reading stopped here.`,
      );
  }
}

export function jsonProblem(
  format: TableFormat,
  rowNumber: number | null,
  sv: string,
  en: string,
  fatal = true,
): Issue {
  const at = where(format, rowNumber, null);
  return fileIssue(
    "source-error",
    "error",
    rowNumber,
    `${at.sv}: ${sv}${fatal ? " Läsningen stoppades här." : ""}`,
    `${at.en}: ${en}${fatal ? " Reading stopped here." : ""}`,
  );
}

/** Why an Excel workbook could not be read (safely): the zip, its parts, or a row. */
export type XlsxStop =
  | { readonly kind: "entry-too-large"; readonly part: string; readonly maxBytes: number }
  | { readonly kind: "compression-ratio"; readonly part: string; readonly maxRatio: number }
  | { readonly kind: "shared-strings-too-large"; readonly reason: "count" | "bytes" | "string" }
  | { readonly kind: "encrypted"; readonly part: string }
  | { readonly kind: "unsupported-compression"; readonly part: string; readonly method: number }
  | { readonly kind: "too-many-entries"; readonly entries: number; readonly maxEntries: number }
  | {
      readonly kind: "xml-too-complex";
      readonly part: string;
      readonly maxChars: number;
      readonly maxDepth: number;
    }
  | { readonly kind: "row-too-large"; readonly rowNumber: number };

const SAVE_AS_CSV = {
  sv: "spara det första bladet som CSV UTF-8 och ladda upp den filen i stället",
  en: "save the first sheet as CSV UTF-8 and upload that file instead",
};

export function xlsxStop(stop: XlsxStop, limits: ReaderLimits): Issue {
  switch (stop.kind) {
    case "entry-too-large": {
      const cap = size(stop.maxBytes);
      return fileIssue(
        "source-error",
        "error",
        null,
        `Arbetsboken går inte att läsa säkert: delen ${stop.part} blir större än ${cap.sv} när den packas upp (filen kan vara en så kallad zip-bomb). Väntade högst ${cap.sv} uppackat. Läsningen stoppades; ${SAVE_AS_CSV.sv}.`,
        `The workbook cannot be read safely: the part ${stop.part} grows beyond ${cap.en} when unpacked (the file may be a so-called zip bomb). Expected at most ${cap.en} unpacked. Reading stopped; ${SAVE_AS_CSV.en}.`,
      );
    }
    case "compression-ratio":
      return fileIssue(
        "source-error",
        "error",
        null,
        `Arbetsboken går inte att läsa säkert: delen ${stop.part} blir mer än ${numberSv(stop.maxRatio)} gånger större när den packas upp, vilket riktiga kalkylblad inte gör (filen kan vara en så kallad zip-bomb). Läsningen stoppades; ${SAVE_AS_CSV.sv}.`,
        `The workbook cannot be read safely: the part ${stop.part} grows more than ${numberEn(stop.maxRatio)} times larger when unpacked, which real spreadsheets do not (the file may be a so-called zip bomb). Reading stopped; ${SAVE_AS_CSV.en}.`,
      );
    case "shared-strings-too-large": {
      const count = limits.maxXlsxSharedStrings;
      const bytes = size(limits.maxXlsxSharedStringBytes);
      const row = size(limits.maxRowChars);
      const found = {
        count: {
          sv: `fler än ${numberSv(count)} texter`,
          en: `more than ${numberEn(count)} strings`,
        },
        bytes: { sv: `mer än ${bytes.sv} text`, en: `more than ${bytes.en} of text` },
        string: {
          sv: `en text längre än ${row.sv}`,
          en: `a string longer than ${row.en}`,
        },
      }[stop.reason];
      return fileIssue(
        "source-error",
        "error",
        null,
        `Arbetsbokens delade texter (xl/sharedStrings.xml) är för stora: väntade högst ${numberSv(count)} texter, ${bytes.sv} text och ${row.sv} per text, fick ${found.sv}. Läsningen stoppades; ${SAVE_AS_CSV.sv}.`,
        `The workbook's shared strings (xl/sharedStrings.xml) are too large: expected at most ${numberEn(count)} strings, ${bytes.en} of text and ${row.en} per string, found ${found.en}. Reading stopped; ${SAVE_AS_CSV.en}.`,
      );
    }
    case "encrypted":
      return fileIssue(
        "source-error",
        "error",
        null,
        `Arbetsboken är krypterad: delen ${stop.part} är skyddad med lösenord och kan inte läsas. Väntade en arbetsbok utan lösenord. Ta bort lösenordet och spara igen, eller ${SAVE_AS_CSV.sv}.`,
        `The workbook is encrypted: the part ${stop.part} is password-protected and cannot be read. Expected a workbook without a password. Remove the password and save again, or ${SAVE_AS_CSV.en}.`,
      );
    case "unsupported-compression":
      return fileIssue(
        "source-error",
        "error",
        null,
        `Delen ${stop.part} i arbetsboken är packad med en komprimeringsmetod som inte stöds (metod ${stop.method}). Väntade Deflate eller okomprimerat, som Excel sparar. Öppna filen i Excel och spara den igen som .xlsx, eller ${SAVE_AS_CSV.sv}.`,
        `The part ${stop.part} of the workbook is packed with an unsupported compression method (method ${stop.method}). Expected Deflate or stored, as Excel saves. Open the file in Excel and save it again as .xlsx, or ${SAVE_AS_CSV.en}.`,
      );
    case "too-many-entries":
      return fileIssue(
        "source-error",
        "error",
        null,
        `Arbetsboken består av ${numberSv(stop.entries)} delar: väntade högst ${numberSv(stop.maxEntries)}. Filen verkar trasig eller konstruerad; ${SAVE_AS_CSV.sv}.`,
        `The workbook consists of ${numberEn(stop.entries)} parts: expected at most ${numberEn(stop.maxEntries)}. The file looks damaged or crafted; ${SAVE_AS_CSV.en}.`,
      );
    case "xml-too-complex": {
      const cap = size(stop.maxChars);
      return fileIssue(
        "source-error",
        "error",
        null,
        `Delen ${stop.part} i arbetsboken innehåller ett XML-element eller en text som är för stor eller för djupt nästlad: väntade högst ${cap.sv} per element och ${stop.maxDepth} nivåer. Filen verkar trasig eller konstruerad; läsningen stoppades. Öppna den i Excel och spara igen, eller ${SAVE_AS_CSV.sv}.`,
        `The part ${stop.part} of the workbook contains an XML element or text that is too large or nested too deeply: expected at most ${cap.en} per element and ${stop.maxDepth} levels. The file looks damaged or crafted; reading stopped. Open it in Excel and save again, or ${SAVE_AS_CSV.en}.`,
      );
    }
    case "row-too-large": {
      const cap = size(limits.maxRowChars);
      return fileIssue(
        "source-error",
        "error",
        stop.rowNumber,
        `Rad ${stop.rowNumber}: väntade en rad med högst ${cap.sv} text, fick mer. Läsningen stoppades här; korta cellerna på raden eller ${SAVE_AS_CSV.sv}.`,
        `Row ${stop.rowNumber}: expected a row of at most ${cap.en} of text, found more. Reading stopped here; shorten the cells in the row or ${SAVE_AS_CSV.en}.`,
      );
    }
  }
}

function atColumn(format: TableFormat, rowNumber: number, column: number): { sv: string; en: string } {
  const row = rowWord(format, rowNumber);
  return { sv: `${row.sv}, kolumn ${column}`, en: `${row.en}, column ${column}` };
}
