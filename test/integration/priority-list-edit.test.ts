import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../../src/core/index.ts";
import { SpecsService } from "../../src/specs/index.ts";
import { createSeededDatabase, type TestDatabase } from "../support/platform.ts";

describe("editing the prioritized list", () => {
  let database: TestDatabase;
  let specs: SpecsService;
  before(async () => {
    database = await createSeededDatabase();
    specs = new SpecsService(database.db);
  });
  after(() => database.drop());

  test("a change is stored and kept in the history with who made it and when", async () => {
    const changed = await specs.updatePriorityEntry(
      "buller",
      { status: "in-progress", notes: "Pilot i Umeå" },
      "samordnare@example.se",
    );
    assert.equal(changed.status, "in-progress");
    assert.equal(changed.notes, "Pilot i Umeå");
    const [latest] = await specs.priorityHistory("buller");
    assert.ok(latest);
    assert.equal(latest.changedBy, "samordnare@example.se");
    assert.equal(latest.before?.status, "identified");
    assert.equal(latest.after?.status, "in-progress");
    const [audit] = await database.db.query<{ actor: string; action: string; object: string }>(
      "SELECT actor, action, object FROM audit_log ORDER BY id DESC LIMIT 1",
    );
    assert.deepEqual(audit, {
      actor: "samordnare@example.se",
      action: "priority-list.update",
      object: "buller",
    });
    assert.match(latest.changedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  test("moving an entry to a taken rank swaps the two, keeping ranks 1–100 unique", async () => {
    const lekplatser = await specs.getPriorityEntry("lekplatser");
    const first = (await specs.listPriorityList()).items[0]!;
    await specs.updatePriorityEntry("lekplatser", { rank: 1 }, "samordnare@example.se");
    assert.equal((await specs.getPriorityEntry("lekplatser")).rank, 1);
    assert.equal((await specs.getPriorityEntry(first.slug)).rank, lekplatser.rank);
    const ranks = (await specs.listPriorityList()).items.map((e) => e.rank);
    assert.deepEqual(
      ranks,
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });

  test("an unknown entry is NOT_FOUND and nothing is recorded", async () => {
    const before = (await specs.priorityHistory()).length;
    await assert.rejects(
      specs.updatePriorityEntry("finns-inte", { notes: "x" }, "samordnare@example.se"),
      (error) => isAppError(error) && error.code === "NOT_FOUND",
    );
    assert.equal((await specs.priorityHistory()).length, before);
  });

  test("a rank outside the list is refused and changes nothing", async () => {
    const before = await specs.listPriorityList();
    await assert.rejects(specs.updatePriorityEntry("lekplatser", { rank: 101 }, "samordnare@example.se"));
    assert.deepEqual((await specs.listPriorityList()).items, before.items);
  });
});
