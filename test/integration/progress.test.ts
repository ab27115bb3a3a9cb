import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { exampleFor } from "../../src/demo/index.ts";
import { createServices, type Services } from "../../src/platform/index.ts";
import { publisherToken } from "../support/accounts.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

interface Progress {
  kommuner: { total: number; established: number; share: number };
  regioner: { total: number; established: number; share: number };
  goalMet: boolean;
  asOf: string;
}
interface Scorecard {
  level: number;
  levelName: { sv: string };
  criteria: { id: string; met: boolean; evidence: { kind: string; url?: string } }[];
  nextSteps: { text: { sv: string }; links: { href: string }[] }[];
  peers: { code: string }[];
}

const FIVE = ["badplatser", "lekplatser", "grillplatser", "utegym", "offentliga-toaletter"];

describe("progress and readiness", () => {
  let platform: TestPlatform;
  let services: Services;
  let token: string;
  const get = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${platform.url}${path}`)).json()) as T;
  const declare = (code: string, criterion: string, body: unknown, bearer = token) =>
    fetch(`${platform.url}/api/v1/organizations/${code}/readiness/declarations/${criterion}`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  before(async () => {
    platform = await startTestPlatform();
    services = createServices(platform.db, { dataDir: platform.dataDir });
    token = await publisherToken(platform.db, "0580");
  });
  after(() => platform.close());

  test("a fresh platform reports 290 kommuner and 21 regioner, none established, goal not met", async () => {
    const progress = await get<Progress>("/api/v1/progress");
    assert.deepEqual(progress.kommuner, { total: 290, established: 0, share: 0 });
    assert.deepEqual(progress.regioner, { total: 21, established: 0, share: 0 });
    assert.equal(progress.goalMet, false);
    assert.match(progress.asOf, /^\d{4}-\d{2}-\d{2}T/);
    const card = await get<Scorecard>("/api/v1/organizations/0580/readiness");
    assert.equal(card.level, 0);
    assert.equal(card.nextSteps.length, 3);
  });

  test("publishing the expected datasets and declaring the structures moves a kommun to Etablerad at once", async () => {
    const before = await get<Progress>("/api/v1/progress");
    for (const slug of FIVE) {
      const csv = await exampleFor(services, slug, undefined, "0580");
      const release = await services.publishing.publish({
        organizationCode: "0580",
        slug,
        body: [Buffer.from(csv)],
        mode: "all",
        origin: "upload",
        audit: { actor: "user:test" },
      });
      assert.equal(release.status, "published", slug);
    }
    const published = await get<Scorecard>("/api/v1/organizations/0580/readiness");
    assert.equal(published.level, 1, "data alone is not enough");
    const contact = await declare("0580", "data-contact", {
      url: "https://www.linkoping.se/oppna-data",
      contactName: "Anna Andersson",
      contactEmail: "oppnadata@linkoping.se",
    });
    assert.equal(contact.status, 200);
    const policy = await declare("0580", "open-data-policy", {
      url: "https://www.linkoping.se/beslut/oppna-data",
    });
    const card = (await policy.json()) as Scorecard;
    assert.equal(card.level, 2);
    assert.equal(card.levelName.sv, "Etablerad");
    const evidence = card.criteria.find((c) => c.id === "open-data-policy")?.evidence;
    assert.deepEqual(
      [evidence?.kind, evidence?.url],
      ["declared", "https://www.linkoping.se/beslut/oppna-data"],
    );
    assert.equal(card.criteria.find((c) => c.id === "published")?.evidence.kind, "measured");
    const after = await get<Progress>("/api/v1/progress");
    assert.equal(after.kommuner.established, before.kommuner.established + 1);
    assert.equal(after.kommuner.share - before.kommuner.share, 1 / 290);
    assert.equal(after.kommuner.share, after.kommuner.established / after.kommuner.total);
  });

  test("declarations need evidence and the right to act for the organization", async () => {
    const bad = await declare("0580", "open-data-policy", { url: "inte en länk" });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /länk/);
    const noContact = await declare("0580", "data-contact", { url: "https://x.se" });
    assert.equal(noContact.status, 400);
    assert.equal((await declare("0581", "open-data-policy", { url: "https://x.se" })).status, 403);
    assert.equal((await declare("0580", "open-data-policy", { url: "https://x.se" }, "dvk_fel")).status, 401);
  });

  test("the coverage CSV has one row per organization and agrees with the publications", async () => {
    const response = await fetch(`${platform.url}/api/v1/coverage?format=csv`);
    assert.match(response.headers.get("content-type") ?? "", /text\/csv/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    assert.equal(lines.length, 1 + 310);
    const header = lines[0]?.split(",") ?? [];
    const linkoping = lines.find((line) => line.startsWith("0580,"))?.split(",") ?? [];
    for (const slug of FIVE) assert.equal(linkoping[header.indexOf(slug)], "fresh", slug);
    assert.equal(linkoping[header.indexOf("laddplatser")], "expected");
    const lan = await get<{ rows: unknown[] }>("/api/v1/coverage?lan=05");
    assert.equal(lan.rows.length, 14, "13 kommuner and Region Östergötland");
  });

  test("the county page compares its organizations and the other counties", async () => {
    const lan = await get<{ kommuner: { established: number; total: number }; comparison: unknown[] }>(
      "/api/v1/progress/lan/05",
    );
    assert.deepEqual(lan.kommuner, { total: 13, established: 1, share: 1 / 13 });
    assert.equal(lan.comparison.length, 21);
  });

  test("the badge shows the level as text an image reader can use", async () => {
    const response = await fetch(`${platform.url}/api/v1/organizations/0580/badge.svg`);
    assert.equal(response.headers.get("content-type"), "image/svg+xml; charset=utf-8");
    const svg = await response.text();
    assert.match(svg, /<title>Linköpings kommun: öppna data, Nivå 2 Etablerad<\/title>/);
    assert.match(svg, /role="img"/);
  });

  test("history keeps a daily snapshot that survives in the database", async () => {
    await services.progress.recordSnapshot();
    await services.progress.recordSnapshot();
    const history = await get<{ items: { day: string; kommunerEstablished: number }[] }>(
      "/api/v1/progress/history",
    );
    assert.equal(history.items.length, 1);
    assert.equal(history.items[0]?.kommunerEstablished, 1);
    const board = await get<{ top: { code: string }[] }>("/api/v1/progress/leaderboard");
    assert.equal(board.top[0]?.code, "0580");
  });

  test("the model is documented with its version", async () => {
    const model = await get<{ version: string; criteria: unknown[]; levels: unknown[] }>(
      "/api/v1/progress/model",
    );
    assert.equal(model.version, "1.0");
    assert.equal(model.criteria.length, 8);
    assert.equal(model.levels.length, 4);
  });
});
