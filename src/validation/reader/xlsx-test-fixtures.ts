// Zip files and workbooks written byte by byte for the xlsx reader's tests, so that damaged,
// encrypted, zip64 and zip-bomb files can be made as easily as ordinary ones.
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipFile {
  readonly name: string;
  readonly data: string | Uint8Array;
  /** 0 stored, 8 deflate (the default); any other number is written as is, with the data stored. */
  readonly method?: number;
  readonly flags?: number;
  /** The uncompressed size the headers claim; the real size by default. */
  readonly declaredSize?: number;
}

export interface ZipOptions {
  /** Writes zip64 records: 0xFFFFFFFF in the 32-bit fields, the values in zip64 extra fields. */
  readonly zip64?: boolean;
  /** Claims this many entries in the end record (zip64 only when above 65,535). */
  readonly declaredEntries?: number;
}

export function buildZip(files: readonly ZipFile[], options: ZipOptions = {}): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = typeof file.data === "string" ? Buffer.from(file.data, "utf8") : Buffer.from(file.data);
    const method = file.method ?? 8;
    const stored = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(file.name, "utf8");
    const flags = (file.flags ?? 0) | 0x0800;
    const crc = crc32(data);
    const size = file.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, stored);
    const extra = options.zip64 === true ? Buffer.alloc(28) : Buffer.alloc(0);
    if (options.zip64 === true) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(stored.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(45, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(options.zip64 === true ? 0xffffffff : stored.length, 20);
    header.writeUInt32LE(options.zip64 === true ? 0xffffffff : size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(options.zip64 === true ? 0xffffffff : offset, 42);
    central.push(header, name, extra);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(central);
  const entries = options.declaredEntries ?? files.length;
  const tail: Buffer[] = [];
  if (options.zip64 === true) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries), 24);
    record.writeBigUInt64LE(BigInt(entries), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = options.zip64 === true ? 0xffff : Math.min(entries, 0xffff);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(options.zip64 === true ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(options.zip64 === true ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, ...tail, end]));
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface SheetSpec {
  readonly name: string;
  /** The part's path under xl/, e.g. "worksheets/data.xml". */
  readonly part: string;
  /** The `<sheetData>` content, or a whole document when it starts with "<?xml". */
  readonly xml: string;
  readonly state?: string;
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** Plain strings, or the whole sharedStrings.xml document. */
  readonly sharedStrings?: readonly string[] | string;
  /** The `<numFmts>` and `<cellXfs>` content of styles.xml. */
  readonly styles?: string;
  readonly date1904?: boolean;
}

/** The parts of a minimal workbook, the way Excel lays them out. */
export function workbookFiles(spec: WorkbookSpec): ZipFile[] {
  const relationship = (id: string, type: string, target: string): string =>
    `<Relationship Id="${id}" Type="${RELATIONSHIPS}/${type}" Target="${target}"/>`;
  const files: ZipFile[] = [
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${relationship("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
        (spec.date1904 === true ? `<workbookPr date1904="1"/>` : "") +
        `<sheets>${spec.sheets
          .map(
            (s, i) =>
              `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rIdSheet${i}"${s.state === undefined ? "" : ` state="${s.state}"`}/>`,
          )
          .join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${[
        ...spec.sheets.map((s, i) => relationship(`rIdSheet${i}`, "worksheet", s.part)),
        relationship("rIdStyles", "styles", "styles.xml"),
        ...(spec.sharedStrings === undefined
          ? []
          : [relationship("rIdStrings", "sharedStrings", "sharedStrings.xml")]),
      ].join("")}</Relationships>`,
    },
    {
      name: "xl/styles.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${spec.styles ?? `<cellXfs count="1"><xf numFmtId="0"/></cellXfs>`}</styleSheet>`,
    },
  ];
  if (spec.sharedStrings !== undefined) {
    files.push({
      name: "xl/sharedStrings.xml",
      data:
        typeof spec.sharedStrings === "string"
          ? spec.sharedStrings
          : `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${spec.sharedStrings
              .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
              .join("")}</sst>`,
    });
  }
  for (const sheet of spec.sheets) {
    files.push({
      name: `xl/${sheet.part}`,
      data: sheet.xml.startsWith("<?xml")
        ? sheet.xml
        : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.xml}</sheetData></worksheet>`,
    });
  }
  return files;
}

export function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
