// The harvest reader in its own thread: decode, parse and normalise one fetched document, and send
// the datasets back in batches, so a large catalog never holds the server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { HarvestError } from "./errors.ts";
import { normaliseDocument } from "./normalise.ts";
import { decodeDocument, parseDocument } from "./parse.ts";
import type { ReadReply, ReadRequest } from "./read.ts";

const port = parentPort;
if (port === null) throw new Error("read-worker.ts runs as a worker thread");
const request = workerData as ReadRequest;
const send = (reply: ReadReply) => port.postMessage(reply);

try {
  const text = decodeDocument(request.bytes);
  const { triples } = await parseDocument(text, {
    baseIri: request.baseIri,
    contentType: request.contentType,
    maxTriples: request.maxTriples,
  });
  const document = normaliseDocument(triples, request.organization);
  // One batch per "next": messages queued on a port are all delivered in one turn of the
  // receiver's loop, so the main thread asks for each batch when it has taken the last.
  let at = 0;
  const next = () => {
    if (at >= document.datasets.length) {
      send({ kind: "done", duplicates: document.duplicates });
      port.off("message", next);
      return;
    }
    send({ kind: "datasets", datasets: document.datasets.slice(at, at + request.batchSize) });
    at += request.batchSize;
  };
  port.on("message", next);
  next();
} catch (error) {
  send(
    error instanceof HarvestError
      ? { kind: "failed", failure: error.failure }
      : { kind: "crashed", message: error instanceof Error ? error.message : String(error) },
  );
}
