import { posix } from "node:path";
import type { ReaderLimits } from "./types.ts";
import { attribute, readXml, type XmlHandler } from "./xlsx-xml.ts";
import { XlsxStopError, ZipFormatError, type ZipArchive, type ZipEntry } from "./xlsx-zip.ts";

/** What the sheet needs from the rest of the workbook. */
export interface WorkbookParts {
  readonly sheet: ZipEntry;
  readonly date1904: boolean;
  readonly styles: CellStyles;
  readonly strings: SharedStrings;
}

/** More sheets or relationships than this are ignored: Excel's own limits are far lower. */
const MAX_LIST = 65_536;

/**
 * Finds the first sheet through the package's relationships (not by file name: sheet1.xml need not
 * be the first tab), then reads the workbook settings, styles and shared strings it depends on.
 */
export async function readWorkbookParts(zip: ZipArchive, limits: ReaderLimits): Promise<WorkbookParts> {
  const packageRelationships = await readRelationships(zip, "", limits);
  const workbookPart =
    packageRelationships.find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookEntry = zip.entry(workbookPart);
  if (workbookEntry === undefined) throw new ZipFormatError("no workbook part");
  const workbook = new WorkbookHandler();
  await readXml(zip.read(workbookEntry, limits.maxXlsxPartBytes), workbook, xmlLimits(workbookEntry, limits));
  const relationships = await readRelationships(zip, workbookPart, limits);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const worksheets = workbook.sheets.flatMap((sheet) => {
    const relationship = byId.get(sheet.relationshipId);
    return relationship?.type.endsWith("/worksheet") === true
      ? [{ ...sheet, part: relationship.target }]
      : [];
  });
  // The first tab the user sees: hidden sheets (code lists, say) are skipped unless all are hidden.
  const first = worksheets.find((s) => s.state !== "hidden" && s.state !== "veryHidden") ?? worksheets[0];
  const sheet = first === undefined ? undefined : zip.entry(first.part);
  if (sheet === undefined) throw new ZipFormatError("no worksheet");

  const partOf = (type: string, fallback: string): ZipEntry | undefined =>
    zip.entry(relationships.find((r) => r.type.endsWith(type))?.target ?? fallback);
  const directory = posix.dirname(workbookPart);
  const stylesEntry = partOf("/styles", posix.join(directory, "styles.xml"));
  const styles = new StylesHandler();
  if (stylesEntry !== undefined) {
    await readXml(zip.read(stylesEntry, limits.maxXlsxPartBytes), styles, xmlLimits(stylesEntry, limits));
  }
  const strings = new SharedStrings(limits.maxXlsxSharedStrings, limits.maxXlsxSharedStringBytes);
  const stringsEntry = partOf("/sharedStrings", posix.join(directory, "sharedStrings.xml"));
  if (stringsEntry !== undefined) {
    await readXml(
      zip.read(stringsEntry, limits.maxXlsxEntryBytes),
      new SharedStringsHandler(strings, limits.maxRowChars),
      xmlLimits(stringsEntry, limits),
    );
  }
  return { sheet, date1904: workbook.date1904, styles: styles.result(), strings };
}

export function xmlLimits(entry: ZipEntry, limits: ReaderLimits): { part: string; maxTokenChars: number } {
  return { part: entry.name, maxTokenChars: Math.max(limits.maxRowChars, 64 * 1024) };
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name, resolved against the source part. */
  readonly target: string;
}

/** A part's relationships (`_rels/.rels` for the package itself, source ""). */
async function readRelationships(
  zip: ZipArchive,
  source: string,
  limits: ReaderLimits,
): Promise<readonly Relationship[]> {
  const directory = posix.dirname(source);
  const entry = zip.entry(posix.join(directory, "_rels", `${posix.basename(source)}.rels`));
  if (entry === undefined) return [];
  const list: Relationship[] = [];
  await readXml(
    zip.read(entry, limits.maxXlsxPartBytes),
    {
      open(name, attributes) {
        if (name !== "Relationship" || list.length >= MAX_LIST) return;
        if (attributes.TargetMode === "External") return;
        const target = attributes.Target ?? "";
        list.push({
          id: attributes.Id ?? "",
          type: attributes.Type ?? "",
          // "/xl/…" is from the package root; anything else is relative to the source's folder.
          target: target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(directory, target)),
        });
      },
      close: () => undefined,
      text: () => undefined,
      take: () => undefined,
    },
    xmlLimits(entry, limits),
  );
  return list;
}

interface SheetListing {
  readonly relationshipId: string;
  readonly state: string;
}

class WorkbookHandler implements XmlHandler<void> {
  readonly sheets: SheetListing[] = [];
  date1904 = false;
  private inSheets = false;

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name === "workbookPr") {
      const value = attributes.date1904;
      this.date1904 = value === "1" || value === "true";
    } else if (name === "sheets") {
      this.inSheets = true;
    } else if (name === "sheet" && this.inSheets && this.sheets.length < MAX_LIST) {
      this.sheets.push({
        relationshipId: attribute(attributes, "id") ?? "",
        state: attributes.state ?? "visible",
      });
    }
  }

  close(name: string): void {
    if (name === "sheets") this.inSheets = false;
  }

  text(): void {}

  take(): void {}
}

/** Whether a cell style shows its number as a date (or time). */
export class CellStyles {
  constructor(private readonly dateStyles: Uint8Array) {}

  isDate(style: number): boolean {
    return this.dateStyles[style] === 1;
  }
}

/** Excel's built-in date and time formats, which styles.xml names by number only. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * A custom number format shows a date when it has d, m, y, h or s outside quoted text,
 * [brackets] (colours, locales, conditions), escaped characters and padding (`_x`, `*x`).
 */
export function isDateFormat(code: string): boolean {
  return /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, ""));
}

class StylesHandler implements XmlHandler<void> {
  private readonly formats = new Map<number, boolean>();
  private readonly cellFormats: number[] = [];
  private inNumFmts = false;
  private inCellXfs = false;

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name === "numFmts") this.inNumFmts = true;
    else if (name === "cellXfs") this.inCellXfs = true;
    else if (name === "numFmt" && this.inNumFmts && this.formats.size < MAX_LIST) {
      const id = Number(attributes.numFmtId);
      if (Number.isInteger(id)) this.formats.set(id, isDateFormat(attributes.formatCode ?? ""));
    } else if (name === "xf" && this.inCellXfs && this.cellFormats.length < MAX_LIST) {
      this.cellFormats.push(Number(attributes.numFmtId ?? 0));
    }
  }

  close(name: string): void {
    if (name === "numFmts") this.inNumFmts = false;
    else if (name === "cellXfs") this.inCellXfs = false;
  }

  text(): void {}

  take(): void {}

  result(): CellStyles {
    const dates = new Uint8Array(this.cellFormats.length);
    this.cellFormats.forEach((id, i) => {
      // A workbook may redefine a built-in number; its own definition wins.
      dates[i] = (this.formats.get(id) ?? BUILT_IN_DATE_FORMATS.has(id)) ? 1 : 0;
    });
    return new CellStyles(dates);
  }
}

const BLOCK_BYTES = 1024 * 1024;
const CACHE_SLOTS = 4096;
const CACHE_MAX_BYTES = 64;

/**
 * The shared strings, packed as UTF-8 in 1 MiB blocks with an offset table: a JS string each
 * would cost several times the text (a header per string, two bytes per character beyond Latin-1).
 * Short strings read often (codes, names) are cached so each is decoded once.
 */
export class SharedStrings {
  private readonly blocks: Buffer[] = [];
  private ends = new Float64Array(1024);
  private total = 0;
  private count = 0;
  private readonly cacheKeys = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cacheValues = new Array<string>(CACHE_SLOTS).fill("");

  constructor(
    private readonly maxStrings: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.count;
  }

  add(text: string): void {
    if (this.count >= this.maxStrings) {
      throw new XlsxStopError({ kind: "shared-strings-too-large", reason: "count" });
    }
    const length = Buffer.byteLength(text, "utf8");
    if (this.total + length > this.maxBytes) {
      throw new XlsxStopError({ kind: "shared-strings-too-large", reason: "bytes" });
    }
    const start = this.total;
    const end = start + length;
    while (this.blocks.length * BLOCK_BYTES < end) this.blocks.push(Buffer.allocUnsafe(BLOCK_BYTES));
    const first = Math.floor(start / BLOCK_BYTES);
    const offset = start - first * BLOCK_BYTES;
    const block = this.blocks[first];
    if (block !== undefined && offset + length <= BLOCK_BYTES) {
      block.write(text, offset, "utf8");
    } else {
      // Across a block boundary: encode once and copy the pieces.
      const bytes = Buffer.from(text, "utf8");
      for (let done = 0; done < length;) {
        const at = start + done;
        const index = Math.floor(at / BLOCK_BYTES);
        const target = this.blocks[index];
        if (target === undefined) break;
        done += bytes.copy(target, at - index * BLOCK_BYTES, done);
      }
    }
    if (this.count === this.ends.length) {
      const grown = new Float64Array(Math.min(this.ends.length * 2, Math.max(this.maxStrings, 1)));
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = end;
    this.total = end;
  }

  /** The string at `index`; an index out of range is an empty cell. */
  get(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return "";
    const start = index === 0 ? 0 : (this.ends[index - 1] ?? 0);
    const end = this.ends[index] ?? 0;
    if (end === start) return "";
    const cached = end - start <= CACHE_MAX_BYTES;
    const slot = index % CACHE_SLOTS;
    if (cached && this.cacheKeys[slot] === index) return this.cacheValues[slot] ?? "";
    const text = this.decode(start, end);
    if (cached) {
      this.cacheKeys[slot] = index;
      this.cacheValues[slot] = text;
    }
    return text;
  }

  private decode(start: number, end: number): string {
    const first = Math.floor(start / BLOCK_BYTES);
    const last = Math.floor((end - 1) / BLOCK_BYTES);
    const base = first * BLOCK_BYTES;
    if (first === last) return this.blocks[first]?.toString("utf8", start - base, end - base) ?? "";
    const pieces: Buffer[] = [];
    for (let i = first; i <= last; i++) {
      const block = this.blocks[i];
      if (block === undefined) break;
      const from = i === first ? start - base : 0;
      const to = i === last ? end - i * BLOCK_BYTES : BLOCK_BYTES;
      pieces.push(block.subarray(from, to));
    }
    return Buffer.concat(pieces).toString("utf8");
  }
}

/** `<si>` items: plain `<t>`, or rich-text runs `<r><t>` joined; phonetic readings (`<rPh>`) are not text. */
class SharedStringsHandler implements XmlHandler<void> {
  private inItem = false;
  private inText = false;
  private phonetic = 0;
  private collected = "";

  constructor(
    private readonly strings: SharedStrings,
    private readonly maxChars: number,
  ) {}

  open(name: string): void {
    if (name === "si") {
      this.inItem = true;
      this.collected = "";
      this.phonetic = 0;
    } else if (name === "rPh") {
      this.phonetic++;
    } else if (name === "t") {
      this.inText = this.inItem && this.phonetic === 0;
    }
  }

  close(name: string): void {
    if (name === "t") {
      this.inText = false;
    } else if (name === "rPh") {
      this.phonetic--;
    } else if (name === "si" && this.inItem) {
      this.strings.add(unescapeText(this.collected));
      this.inItem = false;
      this.collected = "";
    }
  }

  text(text: string): void {
    if (!this.inText) return;
    this.collected += text;
    if (this.collected.length > this.maxChars) {
      throw new XlsxStopError({ kind: "shared-strings-too-large", reason: "string" });
    }
  }

  take(): void {}
}

/** Excel writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return). */
export function unescapeText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
