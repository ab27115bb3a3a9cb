import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { buildZip, type ZipFile, type ZipOptions } from "./xlsx-test-fixtures.ts";
import { xlsxStop } from "../messages.ts";
import { DEFAULT_LIMITS } from "./types.ts";
import { XlsxStopError, ZipArchive, ZipFormatError } from "./xlsx-zip.ts";

async function withZip<T>(
  files: readonly ZipFile[] | Uint8Array,
  use: (zip: ZipArchive) => Promise<T>,
  options: ZipOptions = {},
): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), "xlsx-zip-test-"));
  try {
    const path = join(directory, "test.zip");
    await writeFile(path, files instanceof Uint8Array ? files : buildZip(files, options));
    const zip = await ZipArchive.open(path);
    try {
      return await use(zip);
    } finally {
      await zip.close();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function text(zip: ZipArchive, name: string, maxBytes = 1024 * 1024): Promise<string> {
  const entry = zip.entry(name);
  assert.ok(entry !== undefined, name);
  const chunks: Buffer[] = [];
  for await (const chunk of zip.read(entry, maxBytes)) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const FILES: ZipFile[] = [
  { name: "xl/workbook.xml", data: "<workbook/>" },
  { name: "xl/stored.xml", data: "<stored/>", method: 0 },
  { name: "xl/empty.xml", data: "", method: 0 },
];

test("entries are found by part name without regard to case or a leading slash, deflated or stored", async () => {
  await withZip(FILES, async (zip) => {
    assert.equal(await text(zip, "/XL/Workbook.xml"), "<workbook/>");
    assert.equal(await text(zip, "xl/stored.xml"), "<stored/>");
    assert.equal(await text(zip, "xl/empty.xml"), "");
    assert.equal(zip.entry("xl/missing.xml"), undefined);
  });
});

test("zip64 records and extra fields are read", async () => {
  await withZip(FILES, async (zip) => assert.equal(await text(zip, "xl/workbook.xml"), "<workbook/>"), {
    zip64: true,
  });
});

test("unpacking stops at the cap on what inflates, not on what the headers declare", async () => {
  const big = "<a>" + "x".repeat(1_000_000) + "</a>";
  const files: ZipFile[] = [{ name: "bomb.xml", data: big, declaredSize: 10 }];
  await withZip(files, async (zip) => {
    await assert.rejects(text(zip, "bomb.xml", 100_000), (error: unknown) => {
      assert.ok(error instanceof XlsxStopError);
      assert.deepEqual(error.stop, { kind: "entry-too-large", part: "bomb.xml", maxBytes: 100_000 });
      return true;
    });
    assert.equal((await text(zip, "bomb.xml", 2_000_000)).length, big.length);
  });
});

test("a part that inflates far more than real sheets do is stopped before the cap", async () => {
  const big = "<a>" + "x".repeat(1_000_000) + "</a>"; // packs about 1000 times
  const normal = Array.from(
    { length: 20_000 },
    (_, i) => `<c r="A${i}"><v>${(i * 7919) % 10007}</v></c>`,
  ).join("");
  const files: ZipFile[] = [
    { name: "bomb.xml", data: big },
    { name: "sheet.xml", data: normal },
  ];
  const ratio = { floorBytes: 100_000, max: 250 };
  await withZip(files, async (zip) => {
    const read = async (name: string): Promise<number> => {
      let total = 0;
      const entry = zip.entry(name);
      assert.ok(entry !== undefined);
      for await (const chunk of zip.read(entry, 10_000_000, ratio)) total += chunk.length;
      return total;
    };
    await assert.rejects(read("bomb.xml"), (error: unknown) => {
      assert.ok(error instanceof XlsxStopError);
      assert.deepEqual(error.stop, { kind: "compression-ratio", part: "bomb.xml", maxRatio: 250 });
      const { message } = xlsxStop(error.stop, DEFAULT_LIMITS);
      assert.match(message.sv, /bomb\.xml blir mer än 250 gånger större när den packas upp/);
      assert.match(message.en, /more than 250 times larger/);
      return true;
    });
    assert.equal(await read("sheet.xml"), normal.length);
  });
});

test("encrypted entries and unknown compression methods are refused by kind", async () => {
  const files: ZipFile[] = [
    { name: "secret.xml", data: "<a/>", flags: 0x0001 },
    { name: "aes.xml", data: "<a/>", method: 99 },
    { name: "lzma.xml", data: "<a/>", method: 14 },
  ];
  await withZip(files, async (zip) => {
    for (const [name, kind] of [
      ["secret.xml", "encrypted"],
      ["aes.xml", "encrypted"],
      ["lzma.xml", "unsupported-compression"],
    ] as const) {
      await assert.rejects(
        text(zip, name),
        (error: unknown) => error instanceof XlsxStopError && error.stop.kind === kind,
      );
    }
  });
});

test("a truncated zip, or damaged deflate data, is a format error", async () => {
  const bytes = buildZip(FILES);
  await assert.rejects(
    withZip(bytes.subarray(0, bytes.length - 5), () => Promise.resolve()),
    ZipFormatError,
  );
  await assert.rejects(
    withZip(bytes.subarray(0, 10), () => Promise.resolve()),
    ZipFormatError,
  );
  const damaged = Buffer.from(buildZip([{ name: "a.xml", data: "<a>" + "b".repeat(5000) + "</a>" }]));
  damaged.fill(0xff, 40, 60); // inside the deflate stream
  await withZip(new Uint8Array(damaged), async (zip) => {
    await assert.rejects(text(zip, "a.xml"), (error: unknown) => error instanceof Error);
  });
});

test("more entries than a zip without zip64 can hold are refused", async () => {
  await assert.rejects(
    withZip(FILES, () => Promise.resolve(), { zip64: true, declaredEntries: 70_000 }),
    (error: unknown) => error instanceof XlsxStopError && error.stop.kind === "too-many-entries",
  );
});
