import assert from "node:assert/strict";
import { test } from "node:test";
import { createLogger } from "../core/index.ts";
import { startScheduler } from "./scheduler.ts";

test("a job runs on its interval, never overlaps itself, survives a failure, and stop waits for it", async () => {
  const lines: string[] = [];
  const logger = createLogger("info", (line) => lines.push(line));
  let runs = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  const scheduler = startScheduler(
    [
      {
        name: "slow",
        everyMs: 5,
        run: async () => {
          runs++;
          concurrent++;
          maxConcurrent = Math.max(maxConcurrent, concurrent);
          await new Promise((resolve) => setTimeout(resolve, 30));
          concurrent--;
          if (runs === 1) throw new Error("first run fails");
        },
      },
    ],
    logger,
  );
  await new Promise((resolve) => setTimeout(resolve, 150));
  await scheduler.stop();
  const after = runs;
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.ok(runs >= 2, `runs: ${runs}`);
  assert.equal(maxConcurrent, 1);
  assert.equal(concurrent, 0);
  assert.equal(runs, after, "nothing runs after stop");
  assert.ok(lines.some((line) => line.includes("job failed")));
});
