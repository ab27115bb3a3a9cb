// The SHACL worker: takes N-Triples, answers the violations, one validation at a time.
import { parentPort } from "node:worker_threads";
import { Parser, Store } from "n3";
import type { ShaclRequest, ShaclResponse } from "./shacl.ts";
import { validateData } from "./shacl-engine.ts";

const port = parentPort;
if (port === null) throw new Error("shacl-worker.ts runs as a worker thread");

let queue: Promise<void> = Promise.resolve();
port.on("message", (request: ShaclRequest) => {
  queue = queue.then(async () => {
    let response: ShaclResponse;
    try {
      const data = new Store(new Parser({ format: "N-Triples" }).parse(request.ntriples));
      response = { id: request.id, violations: await validateData(data, request.profile) };
    } catch (error) {
      response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(response);
  });
});
