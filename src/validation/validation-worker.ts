// A validation worker thread: checks blocks of a CSV file for the thread reading it (see
// parallel.ts). Jobs are kept by id, so blocks of several files can interleave.
import { parentPort } from "node:worker_threads";
import {
  rowValidatorFor,
  type PartSetup,
  type WorkerPart,
  type WorkerReply,
  type WorkerRequest,
} from "./part-protocol.ts";
import { parseBlock } from "./reader/csv-parser.ts";
import type { RecordBlock } from "./reader/csv-records.ts";
import { parseEvents } from "./reader/csv.ts";
import { ReportCollector } from "./report.ts";
import type { RowValidator } from "./row-validator.ts";
import type { OrganizationAreas } from "./types.ts";

interface Job {
  readonly setup: PartSetup;
  readonly validator: RowValidator;
  readonly report: ReportCollector;
  readonly errorRows: number[];
  fatal: boolean;
}

const jobs = new Map<number, Job>();
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
      job.report.limitLists(request.room);
      reply = { part: check(job, request.block) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, "part" in reply ? reply.part.keys.map((k) => k.buffer as ArrayBuffer) : []);
  }
});

function open(setup: PartSetup, areasId: number): Job {
  if (setup.organizationAreas !== undefined) areas.set(areasId, setup.organizationAreas);
  const organizationAreas = areasId === 0 ? undefined : areas.get(areasId);
  const errorRows: number[] = [];
  const rowSink = {
    add(row: number): void {
      if (errorRows[errorRows.length - 1] !== row) errorRows.push(row);
    },
  };
  // The lists' room comes with each block (limitLists).
  const report = new ReportCollector(0, 0, setup.errorRows ? rowSink : undefined);
  const validator = rowValidatorFor({ ...setup, organizationAreas }, report, true);
  return { setup, validator, report, errorRows, fatal: false };
}

function check(job: Job, block: RecordBlock): WorkerPart {
  const { validator, report } = job;
  const context = {
    limits: job.setup.limits,
    issue(issue: Parameters<ReportCollector["add"]>[0], fatal = false) {
      report.add(issue);
      job.fatal ||= fatal;
    },
  };
  parseBlock(
    block,
    job.setup.parser,
    parseEvents(context, (cells, rowNumber) => validator.row(cells, rowNumber)),
  );
  const part = { ...validator.drain(), errorRows: job.errorRows.splice(0), fatal: job.fatal };
  job.fatal = false;
  return part;
}
