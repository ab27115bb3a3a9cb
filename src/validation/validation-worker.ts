// A validation worker thread: checks blocks of a CSV file for the thread reading it (see
// parallel.ts). Jobs are kept by id, so blocks of several files can interleave.
import { parentPort } from "node:worker_threads";
import { PartChecker, type PartSetup, type WorkerReply, type WorkerRequest } from "./part-protocol.ts";
import type { OrganizationAreas } from "./types.ts";

const jobs = new Map<number, PartChecker>();
/** Areas by id: sent once per worker, as they are large and the same for every file. */
const areas = new Map<number, OrganizationAreas>();
const port = parentPort;
if (port === null) throw new Error("validation-worker.ts runs as a worker thread");

port.on("message", (request: WorkerRequest) => {
  if (request.kind === "open") jobs.set(request.job, open(request.setup, request.areasId));
  else if (request.kind === "close") jobs.delete(request.job);
  else {
    let reply: WorkerReply;
    try {
      const job = jobs.get(request.job);
      if (job === undefined) throw new Error(`no job ${request.job} in this worker`);
      reply = { part: job.check(request.block, request.room) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, "part" in reply ? reply.part.keys.map((k) => k.buffer as ArrayBuffer) : []);
  }
});

function open(setup: PartSetup, areasId: number): PartChecker {
  if (setup.organizationAreas !== undefined) areas.set(areasId, setup.organizationAreas);
  const organizationAreas = areasId === 0 ? undefined : areas.get(areasId);
  return new PartChecker({ ...setup, organizationAreas });
}
