import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { JsonValue } from "../../src/consolidation/index.ts";
import { badplats, bumpRevision, insertDatasetRows, type TestRow } from "../support/dataset-rows.ts";
import { getJson } from "../support/http.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

interface Item {
  id: string;
  organization: string;
  kommun: string | null;
  lan: string | null;
  demo: boolean;
  provenance: { organization: string; release: string; sourceRow: number };
  geometry: { type: "Point"; coordinates: [number, number] } | null;
  properties: Record<string, JsonValue>;
}
interface DataPage {
  items: Item[];
  total: number;
  next: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const HYPERLINK = '=HYPERLINK("http://example.com/x","Klicka")';

// 0580 Linköping: 30 sites; 1280 Malmö: 10; 0180 Stockholm: 5 (formula cells); Region Östergötland (05): 1
// without a municipality. Every seventh site has no `updated` date (missing values sort last).
function fixture(): TestRow[] {
  const rows: TestRow[] = [];
  const missingUpdated = (n: number): Record<string, JsonValue> => (n % 7 === 0 ? { updated: null } : {});
  for (let n = 1; n <= 30; n++) {
    rows.push({
      organization: "0580",
      data: badplats(n, {
        ...missingUpdated(n),
        ...(n === 3
          ? { name: "Stångebadet", description: "Lekplatser och grillplatser intill stranden." }
          : {}),
      }),
    });
  }
  for (let n = 1; n <= 10; n++) {
    rows.push({
      organization: "1280",
      data: badplats(n, {
        ...missingUpdated(n),
        ...(n === 1 ? { name: "Strand i Malmö", latitude: 55.6, longitude: 12.97 } : {}),
      }),
    });
  }
  for (let n = 1; n <= 5; n++) {
    rows.push({
      organization: "0180",
      data: badplats(n, n === 1 ? { name: HYPERLINK, description: "@SUM(A1)" } : {}),
    });
  }
  rows.push({
    organization: "05",
    kommun: null,
    lan: "05",
    data: badplats(99, { name: "Regionens badplats" }),
  });
  return rows;
}
const ALL = 46;

let platform: TestPlatform;
let rows: TestRow[];
before(async () => {
  platform = await startTestPlatform();
  rows = fixture();
  await insertDatasetRows(platform.db, "badplatser", rows);
});
after(async () => {
  await platform.close();
});

const data = (query: string, init?: RequestInit) =>
  getJson<DataPage>(platform.url, `/api/v1/data/badplatser${query}`, init);
const failure = (path: string) => getJson<ErrorBody>(platform.url, path);

/** Follows next cursors from the first page (query starts with ?) to the last. */
async function everyPage(query: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page: { status: number; body: DataPage } = await data(
      cursor === null ? query : `${query}&cursor=${cursor}`,
    );
    assert.equal(page.status, 200);
    items.push(...page.body.items);
    if (page.body.next === null) return items;
    cursor = page.body.next;
  }
  throw new Error("more than 100 pages");
}

describe("GET /api/v1/data/{slug}", () => {
  test("lists the national dataset with exact total, items in the contract's shape", async () => {
    const { status, headers, body } = await data("?limit=5");
    assert.equal(status, 200);
    assert.match(headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(body.total, ALL);
    assert.equal(body.items.length, 5);
    assert.equal(typeof body.next, "string");
    const first = body.items[0]!;
    assert.equal(first.id, "0180:BAD-0001");
    assert.equal(first.organization, "0180");
    assert.equal(first.kommun, "0180");
    assert.equal(first.lan, "01");
    assert.equal(first.demo, false);
    assert.equal(first.provenance.organization, "0180");
    assert.match(first.provenance.release, /^[0-9a-f-]{36}$/);
    assert.equal(typeof first.provenance.sourceRow, "number");
    assert.deepEqual(first.geometry, {
      type: "Point",
      coordinates: [first.properties.longitude, first.properties.latitude],
    });
    assert.equal(first.properties.name, HYPERLINK, "JSON keeps the value as published");
    assert.equal(first.properties.eu_bath, false);
    assert.deepEqual(Object.keys(first.properties).slice(0, 3), ["source", "id", "name"]);
  });

  test("an unknown specification is a 404 that names it and where the list is", async () => {
    const { status, body } = await failure("/api/v1/data/finns-inte");
    assert.equal(status, 404);
    assert.equal(body.error.code, "NOT_FOUND");
    assert.match(body.error.message, /finns-inte/);
    assert.match(body.error.message, /\/api\/v1\/specifications/);
  });

  test("kommun, lan and organization filters", async () => {
    assert.equal((await data("?kommun=0580")).body.total, 30);
    const lan = await data("?lan=05&limit=100");
    assert.equal(lan.body.total, 31);
    assert.ok(lan.body.items.some((i) => i.organization === "05" && i.kommun === null));
    const malmo = await data("?organization=1280");
    assert.equal(malmo.body.total, 10);
    assert.ok(malmo.body.items.every((i) => i.organization === "1280"));
    assert.equal((await data("?kommun=0580&organization=1280")).body.total, 0);
  });

  test("bbox keeps the rows inside it", async () => {
    const bbox = [11.5, 55.5, 12.4, 57.0] as const;
    const expected = rows.filter((r) => {
      const lon = r.data.longitude as number;
      const lat = r.data.latitude as number;
      return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
    }).length;
    assert.ok(expected > 0 && expected < ALL);
    const { body } = await data(`?bbox=${bbox.join(",")}&limit=1000`);
    assert.equal(body.total, expected);
    for (const item of body.items) {
      const [lon, lat] = item.geometry!.coordinates;
      assert.ok(lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]);
    }
  });

  test("q is Swedish full-text search: stems and folded diacritics", async () => {
    const stem = await data("?q=lekplatsen");
    assert.deepEqual(
      stem.body.items.map((i) => i.id),
      ["0580:BAD-0003"],
    );
    const folded = await data("?q=malmo");
    assert.deepEqual(
      folded.body.items.map((i) => i.properties.name),
      ["Strand i Malmö"],
    );
    assert.equal((await data("?q=Malmö")).body.total, 1);
    assert.equal((await data("?q=stangebadet")).body.total, 1);
    assert.equal((await data("?q=finnsingenstans")).body.total, 0);
  });

  test("typed equality filters: code lists, booleans (true/ja), dates by prefix", async () => {
    const count = (pred: (d: Readonly<Record<string, JsonValue>>) => boolean) =>
      rows.filter((r) => pred({ source: r.organization, ...r.data })).length;
    assert.equal(
      (await data("?water_type=hav")).body.total,
      count((d) => d.water_type === "hav"),
    );
    assert.equal(
      (await data("?eu_bath=ja")).body.total,
      count((d) => d.eu_bath === true),
    );
    assert.equal(
      (await data("?eu_bath=false")).body.total,
      count((d) => d.eu_bath === false),
    );
    assert.equal((await data("?id=BAD-0003")).body.total, 3);
    assert.equal(
      (await data("?updated=2025-06")).body.total,
      count((d) => typeof d.updated === "string" && d.updated.startsWith("2025-06")),
    );
    assert.equal(
      (await data("?updated=2025-06-15&organization=0580")).body.total,
      rows.filter((r) => r.organization === "0580" && r.data.updated === "2025-06-15").length,
    );
  });

  test("typed range filters: numbers compare as numbers, dates as ISO text", async () => {
    const count = (pred: (d: Readonly<Record<string, JsonValue>>) => boolean) =>
      rows.filter((r) => pred(r.data)).length;
    const lat = (d: Readonly<Record<string, JsonValue>>) => d.latitude as number;
    assert.equal(
      (await data("?latitude.min=56&latitude.max=57.5")).body.total,
      count((d) => lat(d) >= 56 && lat(d) <= 57.5),
    );
    // 9.5 < 10 as numbers, not as text.
    assert.equal(
      (await data("?longitude.max=11.9")).body.total,
      count((d) => (d.longitude as number) <= 11.9),
    );
    const inRange = (d: Readonly<Record<string, JsonValue>>) =>
      typeof d.updated === "string" && d.updated >= "2025-03" && d.updated.slice(0, 7) <= "2025-05";
    assert.equal((await data("?updated.min=2025-03&updated.max=2025-05")).body.total, count(inRange));
    const { body } = await data("?updated.min=2025-03&updated.max=2025-05&limit=1000");
    assert.ok(body.items.every((i) => inRange(i.properties)));
  });

  test("an unknown parameter is a 400 that names it and lists those accepted", async () => {
    const { status, body } = await failure("/api/v1/data/badplatser?kommunkod=0580");
    assert.equal(status, 400);
    assert.equal(body.error.code, "BAD_REQUEST");
    assert.match(body.error.message, /kommunkod/);
    assert.match(body.error.message, /kommun, lan, organization, bbox, q, sort, limit, cursor/);
    assert.match(body.error.message, /water_type/);
    assert.match(body.error.message, /updated\.min/);
    const range = await failure("/api/v1/data/badplatser?name.min=A");
    assert.equal(range.status, 400, "strings have no range");
  });

  test("bad values are 400s that say what was expected and what was found", async () => {
    for (const [query, pattern] of [
      ["water_type=ocean", /hav, sjo, vattendrag/],
      ["eu_bath=kanske", /true, false, ja eller nej/],
      ["latitude.min=femtio", /tal/],
      ["updated=15/6/2025", /ÅÅÅÅ-MM-DD/],
      ["kommun=580", /fyra siffror/],
      ["lan=5", /två siffror/],
      ["limit=0", /1 till 1000/],
      ["limit=1001", /1 till 1000/],
      ["sort=finns_inte", /fältnamn/],
      ["kommun=0580&kommun=0581", /en gång/],
      ["name=a%00b", /NUL/],
      ["q=%00", /NUL/],
    ] as const) {
      const { status, body } = await failure(`/api/v1/data/badplatser?${query}`);
      assert.equal(status, 400, query);
      assert.match(body.error.message, pattern, query);
    }
  });

  test("a bad bbox is a 400 saying what a bbox is", async () => {
    for (const bbox of ["1,2,3", "a,b,c,d", "20,55,10,60", "11,58,12,57", "11,55,200,60", "11,-95,12,60"]) {
      const { status, body } = await failure(`/api/v1/data/badplatser?bbox=${bbox}`);
      assert.equal(status, 400, bbox);
      assert.match(body.error.message, /minLon,minLat,maxLon,maxLat/, bbox);
    }
    const english = await getJson<ErrorBody>(platform.url, "/api/v1/data/badplatser?bbox=1,2,3", {
      headers: { "Accept-Language": "en" },
    });
    assert.match(english.body.error.message, /must be four numbers/);
  });

  test("a tampered or foreign cursor is a 400 with a clear message", async () => {
    const first = await data("?limit=3&sort=name");
    const cursor = first.body.next!;
    const garbage = await failure("/api/v1/data/badplatser?cursor=not-a-cursor!");
    assert.equal(garbage.status, 400);
    assert.match(garbage.body.error.message, /cursor/);
    const doc = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...doc, o: "'; DROP TABLE x" })).toString("base64url");
    const edited = await failure(`/api/v1/data/badplatser?sort=name&cursor=${tampered}`);
    assert.equal(edited.status, 400);
    assert.match(edited.body.error.message, /cursor är ogiltig/);
    const otherSort = await failure(`/api/v1/data/badplatser?sort=-updated&cursor=${cursor}`);
    assert.equal(otherSort.status, 400);
    assert.match(otherSort.body.error.message, /sort=name/);
    const notBase64Json = await failure(
      `/api/v1/data/badplatser?cursor=${Buffer.from("[1,2]").toString("base64url")}`,
    );
    assert.equal(notBase64Json.status, 400);
  });

  test("keyset pages visit every row exactly once, in order, for every sort", async () => {
    const text = (v: JsonValue) => (typeof v === "string" ? v : JSON.stringify(v));
    const cmp = (a: JsonValue, b: JsonValue): number =>
      typeof a === "number" && typeof b === "number"
        ? a - b
        : text(a) < text(b)
          ? -1
          : text(a) > text(b)
            ? 1
            : 0;
    for (const sort of [
      "",
      "-id",
      "updated",
      "-updated",
      "latitude",
      "-latitude",
      "water_type",
      "-eu_bath",
      "name",
    ]) {
      const query = sort === "" ? "?limit=7" : `?limit=7&sort=${sort}`;
      const items = await everyPage(query);
      assert.equal(items.length, ALL, sort);
      assert.equal(new Set(items.map((i) => i.id)).size, ALL, `${sort}: no row twice`);
      // Text order depends on the database's collation; numbers, booleans, codes and ISO dates do not.
      if (sort === "" || sort === "name") continue;
      const descending = sort.startsWith("-");
      const field = descending ? sort.slice(1) : sort;
      for (let i = 1; i < items.length; i++) {
        const a = items[i - 1]!.properties[field] ?? null;
        const b = items[i]!.properties[field] ?? null;
        if (a === null) assert.equal(b, null, `${sort}: missing values come last`);
        else if (b !== null) {
          const order = cmp(a, b);
          assert.ok(descending ? order >= 0 : order <= 0, `${sort}: ${text(a)} before ${text(b)}`);
        }
      }
    }
  });

  test("default order is the national id; -id style sorts by the id field", async () => {
    const items = await everyPage("?limit=10");
    const ids = items.map((i) => i.id);
    const byOrgThenRecord = [...items]
      .sort((a, b) =>
        a.organization === b.organization
          ? (a.properties.id as string).localeCompare(b.properties.id as string)
          : a.organization < b.organization
            ? -1
            : 1,
      )
      .map((i) => i.id);
    assert.deepEqual(ids, byOrgThenRecord);
  });

  test("format=csv, format=geojson and Accept negotiation", async () => {
    const csv = await fetch(`${platform.url}/api/v1/data/badplatser?format=csv&organization=0180`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /^text\/csv/);
    const text = await csv.text();
    const lines = text.trimEnd().split("\r\n");
    assert.equal(lines.length, 6);
    assert.ok(lines[0]!.startsWith("source,id,name,description,latitude,longitude,water_type"));
    assert.ok(lines[0]!.endsWith(",updated,_id,_organization,_release,_source_row"));
    assert.equal(csv.headers.get("x-total-count"), "5");

    const byAccept = await fetch(`${platform.url}/api/v1/data/badplatser?limit=2`, {
      headers: { Accept: "text/csv" },
    });
    assert.match(byAccept.headers.get("content-type") ?? "", /^text\/csv/);
    assert.match(byAccept.headers.get("vary") ?? "", /Accept/);
    assert.match(byAccept.headers.get("link") ?? "", /cursor=.*rel="next"/);
    await byAccept.text();

    const geo = await getJson<{
      type: string;
      numberMatched: number;
      numberReturned: number;
      features: { type: string; id: string; properties: Record<string, JsonValue> }[];
    }>(platform.url, "/api/v1/data/badplatser?limit=3", { headers: { Accept: "application/geo+json" } });
    assert.match(geo.headers.get("content-type") ?? "", /^application\/geo\+json/);
    assert.equal(geo.body.type, "FeatureCollection");
    assert.equal(geo.body.numberMatched, ALL);
    assert.equal(geo.body.numberReturned, 3);
    assert.equal(geo.body.features[0]!.id, "0180:BAD-0001");
    assert.equal(geo.body.features[0]!.properties._organization, "0180");

    const preferred = await fetch(`${platform.url}/api/v1/data/badplatser?limit=1`, {
      headers: { Accept: "text/csv;q=0.5, application/geo+json;q=0.9" },
    });
    assert.match(preferred.headers.get("content-type") ?? "", /geo\+json/);
    await preferred.text();
    const browser = await fetch(`${platform.url}/api/v1/data/badplatser?limit=1`, {
      headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
    });
    assert.match(browser.headers.get("content-type") ?? "", /^application\/json/);
    await browser.text();
    const formatWins = await fetch(`${platform.url}/api/v1/data/badplatser?limit=1&format=json`, {
      headers: { Accept: "text/csv" },
    });
    assert.match(formatWins.headers.get("content-type") ?? "", /^application\/json/);
    await formatWins.text();
    assert.equal((await failure("/api/v1/data/badplatser?format=xml")).status, 400);
  });

  test("ETag and If-None-Match give 304; a new revision gives a new ETag", async () => {
    const first = await fetch(`${platform.url}/api/v1/data/badplatser?lan=05&limit=5`);
    const etag = first.headers.get("etag")!;
    assert.match(etag, /^W\/".+"$/);
    assert.equal(first.headers.get("cache-control"), "public, max-age=60");
    await first.text();

    const same = await fetch(`${platform.url}/api/v1/data/badplatser?limit=5&lan=05`);
    assert.equal(same.headers.get("etag"), etag, "parameter order does not matter");
    await same.text();
    const other = await fetch(`${platform.url}/api/v1/data/badplatser?lan=05&limit=6`);
    assert.notEqual(other.headers.get("etag"), etag);
    await other.text();
    const csv = await fetch(`${platform.url}/api/v1/data/badplatser?lan=05&limit=5&format=csv`);
    assert.notEqual(csv.headers.get("etag"), etag, "each format has its own");
    await csv.text();

    const cached = await fetch(`${platform.url}/api/v1/data/badplatser?lan=05&limit=5`, {
      headers: { "If-None-Match": etag },
    });
    assert.equal(cached.status, 304);
    assert.equal(cached.headers.get("etag"), etag);
    assert.equal(await cached.text(), "");

    await insertDatasetRows(platform.db, "badplatser", [
      { organization: "0581", data: badplats(500, { name: "Ny badplats" }) },
    ]);
    const changed = await fetch(`${platform.url}/api/v1/data/badplatser?lan=05&limit=5`, {
      headers: { "If-None-Match": etag },
    });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get("etag"), etag);
    const body = (await changed.json()) as DataPage;
    assert.equal(body.total, 32, "the count is not served from before the revision");
    await platform.db.query(
      "DELETE FROM dataset_rows WHERE spec_slug = 'badplatser' AND organization_code = '0581'",
    );
    await bumpRevision(platform.db, "badplatser");
  });
});

describe("compression", () => {
  test("a page is gzipped for a client that accepts it, with the same content and ETag", async () => {
    const url = `${platform.url}/api/v1/data/badplatser?kommun=0580&limit=20`;
    const plain = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
    assert.equal(plain.headers.get("content-encoding"), null);
    assert.match(plain.headers.get("vary") ?? "", /Accept-Encoding/);
    const plainBody = (await plain.json()) as DataPage;
    for (let i = 0; i < 2; i++) {
      // The second answer comes from the kept page and its kept gzip.
      const zipped = await fetch(url, { headers: { "Accept-Encoding": "gzip, br;q=0" } });
      assert.equal(zipped.headers.get("content-encoding"), "gzip");
      assert.equal(zipped.headers.get("etag"), plain.headers.get("etag"));
      assert.deepEqual(await zipped.json(), plainBody, "fetch unzips it to the same page");
    }
    const refused = await fetch(url, { headers: { "Accept-Encoding": "gzip;q=0" } });
    assert.equal(refused.headers.get("content-encoding"), null);
    await refused.arrayBuffer();
  });
});

describe("downloads", () => {
  test("download.csv streams the whole dataset as an attachment, formulas neutralised", async () => {
    const res = await fetch(`${platform.url}/api/v1/data/badplatser/download.csv?bom=true`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
    assert.equal(res.headers.get("content-disposition"), 'attachment; filename="badplatser.csv"');
    assert.equal(res.headers.get("content-length"), null, "streamed, not buffered");
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "BOM");
    const text = new TextDecoder().decode(bytes);
    assert.ok(
      text.includes(`"'=HYPERLINK(""http://example.com/x"",""Klicka"")"`),
      "the formula is neutralised",
    );
    assert.ok(!/(^|,)"?=HYPERLINK/m.test(text), "no cell starts with =");
    assert.ok(text.includes(",'@SUM(A1),"));
    assert.equal(text.trimEnd().split("\r\n").length, ALL + 1);
  });

  test("download.geojson and download.json hold every row", async () => {
    const geo = await fetch(`${platform.url}/api/v1/data/badplatser/download.geojson`);
    assert.match(geo.headers.get("content-type") ?? "", /^application\/geo\+json/);
    assert.equal(geo.headers.get("content-disposition"), 'attachment; filename="badplatser.geojson"');
    const collection = (await geo.json()) as { type: string; features: { id: string }[] };
    assert.equal(collection.type, "FeatureCollection");
    assert.equal(collection.features.length, ALL);
    const json = await fetch(`${platform.url}/api/v1/data/badplatser/download.json?lan=05`);
    const list = (await json.json()) as DataPage;
    assert.equal(list.total, 31);
    assert.equal(list.items.length, 31);
    assert.equal(list.next, null);
  });

  test("downloads refuse paging parameters and honour If-None-Match", async () => {
    const paged = await failure("/api/v1/data/badplatser/download.csv?limit=10");
    assert.equal(paged.status, 400);
    assert.match(paged.body.error.message, /limit/);
    const res = await fetch(`${platform.url}/api/v1/data/badplatser/download.csv`);
    const etag = res.headers.get("etag")!;
    await res.arrayBuffer();
    const again = await fetch(`${platform.url}/api/v1/data/badplatser/download.csv`, {
      headers: { "If-None-Match": etag },
    });
    assert.equal(again.status, 304);
  });

  test("one organization's rows: /organizations/{code}/data/{slug}.{format}", async () => {
    const res = await fetch(`${platform.url}/api/v1/organizations/1280/data/badplatser.csv`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-disposition"), 'attachment; filename="badplatser-1280.csv"');
    const lines = (await res.text()).trimEnd().split("\r\n");
    assert.equal(lines.length, 11);
    assert.ok(lines.slice(1).every((l) => l.startsWith("1280,")));
    const geo = await fetch(`${platform.url}/api/v1/organizations/0180/data/badplatser.geojson`);
    assert.equal(((await geo.json()) as { features: unknown[] }).features.length, 5);
    const json = await getJson<DataPage>(platform.url, "/api/v1/organizations/0580/data/badplatser.json");
    assert.equal(json.body.total, 30);

    const unknownOrg = await failure("/api/v1/organizations/9999/data/badplatser.csv");
    assert.equal(unknownOrg.status, 404);
    assert.match(unknownOrg.body.error.message, /9999/);
    const unknownSpec = await failure("/api/v1/organizations/0580/data/finns-inte.csv");
    assert.equal(unknownSpec.status, 404);
    const badName = await failure("/api/v1/organizations/0580/data/badplatser.xlsx");
    assert.equal(badName.status, 400);
    const orgParam = await failure("/api/v1/organizations/0580/data/badplatser.csv?organization=1280");
    assert.equal(orgParam.status, 400, "the path names the organization");
  });

  test("a dataset larger than one batch streams whole", async () => {
    const big: TestRow[] = [];
    for (let n = 0; n < 4500; n++) {
      big.push({
        organization: ["0580", "0581", "1280"][n % 3]!,
        data: {
          id: `G-${n}`,
          name: `Grillplats ${n}`,
          fireplace_type: "eldstad",
          latitude: 56 + (n % 100) * 0.01,
          longitude: 13 + (n % 50) * 0.01,
        },
      });
    }
    await insertDatasetRows(platform.db, "grillplatser", big);
    const res = await fetch(`${platform.url}/api/v1/data/grillplatser/download.json`);
    const list = (await res.json()) as DataPage;
    assert.equal(list.total, 4500);
    assert.equal(new Set(list.items.map((i) => i.id)).size, 4500);
    const csv = await fetch(`${platform.url}/api/v1/data/grillplatser/download.csv`);
    assert.equal((await csv.text()).trimEnd().split("\r\n").length, 4501);
  });
});
