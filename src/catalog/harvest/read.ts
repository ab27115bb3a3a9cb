// Reading a fetched catalog document into normalised datasets. Small documents are read here; large
// ones in a worker thread (read-worker.ts), since parsing and normalising a 45 MB Turtle catalog
// takes seconds of CPU that would otherwise stall every other request and fetch of the process.
import { Worker } from "node:worker_threads";
import { HarvestError, type HarvestFailure } from "./errors.ts";
import {
  normaliseDocument,
  type DuplicateDataset,
  type HarvestOrganization,
  type NormalisedDataset,
  type NormalisedDocument,
} from "./normalise.ts";
import { decodeDocument, parseDocument } from "./parse.ts";

/** Documents up to this size are read on the event loop: a worker's start costs more. */
export const READ_IN_WORKER_BYTES = 256 * 1024;

/** A reader that has not answered in this time is stopped. */
const READ_TIMEOUT_MS = 5 * 60 * 1000;

export interface ReadRequest {
  readonly bytes: Uint8Array;
  readonly baseIri: string;
  readonly contentType: string | undefined;
  readonly maxTriples: number;
  readonly organization: HarvestOrganization;
  readonly batchSize: number;
}

export type ReadReply =
  | { readonly kind: "datasets"; readonly datasets: readonly NormalisedDataset[] }
  | { readonly kind: "done"; readonly duplicates: readonly DuplicateDataset[] }
  | { readonly kind: "failed"; readonly failure: HarvestFailure }
  | { readonly kind: "crashed"; readonly message: string };

export async function readDocument(
  bytes: Uint8Array,
  options: Omit<ReadRequest, "bytes" | "batchSize">,
): Promise<NormalisedDocument> {
  if (bytes.byteLength <= READ_IN_WORKER_BYTES) {
    const { triples } = await parseDocument(decodeDocument(bytes), options);
    return normaliseDocument(triples, options.organization);
  }
  return readInWorker({ ...options, bytes, batchSize: 20 });
}

function readInWorker(request: ReadRequest): Promise<NormalisedDocument> {
  // Its own entry loads tsx; the flags of this process (--test, --cpu-prof…) are not its own.
  const worker = new Worker(new URL("./read-worker.mjs", import.meta.url), {
    workerData: request,
    execArgv: [],
  });
  const datasets: NormalisedDataset[] = [];
  return new Promise<NormalisedDocument>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() => reject(new Error(`reading the document took longer than ${READ_TIMEOUT_MS / 1000} s`))),
      READ_TIMEOUT_MS,
    );
    worker.on("message", (reply: ReadReply) => {
      switch (reply.kind) {
        case "datasets":
          datasets.push(...reply.datasets);
          // The next batch after a turn of the loop: other requests go first.
          setImmediate(() => {
            if (!settled) worker.postMessage("next");
          });
          break;
        case "done":
          settle(() => resolve({ datasets, duplicates: reply.duplicates }));
          break;
        case "failed":
          settle(() => reject(new HarvestError(reply.failure)));
          break;
        case "crashed":
          settle(() => reject(new Error(`the harvest reader failed: ${reply.message}`)));
          break;
      }
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) =>
      settle(() => reject(new Error(`the harvest reader stopped (exit code ${code}) before it was done`))),
    );
  });
}
