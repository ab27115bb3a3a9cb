// Checking a large CSV file on worker threads. The reading thread cuts the bytes into blocks of
// whole records (RecordSplitter, which also numbers them); each worker decodes, parses and checks
// its blocks with a RowValidator of its own in `part` mode (PartChecker) and sends back what it
// found. While the workers are busy, the reading thread checks blocks as parts itself. It adds the
// parts up in file order, and finds repeated keys from the hashes the parts carry. The report
// comes out as the sequential run makes it.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { buildSync } from "esbuild";
import type { PartSetup, WorkerPart, WorkerReply, WorkerRequest } from "./part-protocol.ts";
import type { RecordBlock } from "./reader/csv-records.ts";
import type { ListRoom } from "./report.ts";
import type { OrganizationAreas } from "./types.ts";

/** Blocks waiting per worker: enough to keep it busy, few enough that memory stays flat. */
const BLOCKS_PER_WORKER = 4;

/** One worker thread and the replies it owes, which come in the order the blocks went. */
class PoolWorker {
  readonly thread: Worker;
  private readonly waiting: { resolve(part: WorkerPart): void; reject(error: Error): void }[] = [];
  /** Areas already sent (they are large and seldom change): by id. */
  readonly areasSent = new Set<number>();
  dead = false;

  constructor(code: string | undefined) {
    const options = {
      // The flags of this process (--test, --cpu-prof…) are not the worker's.
      execArgv: [],
      // A worker holds a block and its part at a time; small heaps keep the process's memory flat.
      // At a 4 MB young generation a third of the worker's time went to collecting garbage; at
      // 8 MB about a tenth, and 16 MB saved little more for 8 MB more memory.
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 32 },
    };
    this.thread =
      code === undefined
        ? new Worker(new URL("./validation-worker.mjs", import.meta.url), options)
        : new Worker(code, { ...options, eval: true });
    this.thread.on("message", (reply: WorkerReply) => {
      const next = this.waiting.shift();
      if (this.waiting.length === 0) this.thread.unref();
      if (next === undefined) return;
      if ("error" in reply) next.reject(new Error(reply.error));
      else next.resolve(reply.part);
    });
    this.thread.on("error", (error) => void this.fail(error));
    this.thread.on(
      "exit",
      (code) => void this.fail(new Error(`the validation worker stopped (exit code ${code})`)),
    );
    this.thread.unref();
  }

  post(request: WorkerRequest): void {
    this.thread.postMessage(request);
  }

  request(request: WorkerRequest, transfer: ArrayBuffer[]): Promise<WorkerPart> {
    if (this.dead) return Promise.reject(new Error("the validation worker stopped"));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      // A block being checked keeps the process alive; an idle worker does not.
      this.thread.ref();
      this.thread.postMessage(request, transfer);
    });
  }

  /** Every block waiting fails; the pool starts a new worker for the next one. */
  fail(error: Error): Promise<number> {
    this.dead = true;
    for (const waiting of this.waiting.splice(0)) waiting.reject(error);
    return this.thread.terminate();
  }
}

/** Worker threads shared by every validation in the process, started on first use. */
export class ValidationPool {
  private readonly workers: (PoolWorker | undefined)[];
  private nextJob = 1;
  private nextAreasId = 1;
  private readonly areasIds = new WeakMap<OrganizationAreas, number>();

  constructor(readonly size: number) {
    this.workers = new Array<PoolWorker | undefined>(size).fill(undefined);
  }

  /**
   * The process's pool: a worker per core but one, as the reading thread checks blocks too
   * whenever the workers are busy; undefined on a machine with one core.
   */
  static shared(): ValidationPool | undefined {
    const cores = availableParallelism();
    if (cores < 2) return undefined;
    sharedPool ??= new ValidationPool(Math.min(cores - 1, 4));
    return sharedPool;
  }

  /** Starts checking a file's parts; blocks go to the workers in turn. */
  open(setup: PartSetup): PoolJob {
    let areasId = 0;
    if (setup.organizationAreas !== undefined) {
      areasId = this.areasIds.get(setup.organizationAreas) ?? this.nextAreasId++;
      this.areasIds.set(setup.organizationAreas, areasId);
    }
    return new PoolJob(this, this.nextJob++, setup, areasId);
  }

  /** Whether every worker is already running (started by an earlier file and still alive). */
  get running(): boolean {
    return this.workers.every((w) => w !== undefined && !w.dead);
  }

  /** Starts the workers not yet running, so the first blocks do not wait for them. */
  warm(): void {
    for (let i = 0; i < this.size; i++) this.worker(i);
  }

  /** The i-th worker, started again if it stopped. */
  worker(i: number): PoolWorker {
    let worker = this.workers[i];
    if (worker === undefined || worker.dead) {
      worker = new PoolWorker(workerCode());
      this.workers[i] = worker;
    }
    return worker;
  }

  /** Stops the workers; blocks waiting on them fail (tests; a server lets them idle, unreferenced). */
  async close(): Promise<void> {
    const running = this.workers.filter((w): w is PoolWorker => w !== undefined);
    this.workers.fill(undefined);
    await Promise.all(running.map((w) => w.fail(new Error("the validation pool was closed"))));
  }
}

let sharedPool: ValidationPool | undefined;

/**
 * Bundles the worker's code now: it blocks this thread for about 0.3 s, which a server had rather
 * spend while starting than in the middle of the first large validation it is asked for.
 */
export function prepareValidationWorkers(): void {
  if (ValidationPool.shared() !== undefined) workerCode();
}

let bundled: { code: string | undefined } | undefined;

/**
 * The worker as one plain script, bundled from its TypeScript once per process. Started through
 * tsx instead, each worker would carry a loader thread and compile its modules again: about 30 MB
 * more per worker. Without esbuild (it comes with tsx) the tsx entry is the fallback.
 */
function workerCode(): string | undefined {
  bundled ??= (() => {
    try {
      const result = buildSync({
        entryPoints: [fileURLToPath(new URL("./validation-worker.ts", import.meta.url))],
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node20",
        write: false,
        logLevel: "silent",
      });
      return { code: result.outputFiles[0]?.text };
    } catch {
      return { code: undefined };
    }
  })();
  return bundled.code;
}

/** One file's blocks on the pool. */
export class PoolJob {
  private next = 0;
  private readonly opened = new Map<number, PoolWorker>();

  constructor(
    private readonly pool: ValidationPool,
    private readonly id: number,
    private readonly setup: PartSetup,
    private readonly areasId: number,
  ) {}

  /** Blocks sent whose parts have not come back. */
  inFlight = 0;

  /** Whether the workers have as many blocks as keep them busy. */
  get busy(): boolean {
    return this.inFlight >= this.pool.size * BLOCKS_PER_WORKER;
  }

  /** Sends a block to the next worker; its part comes back in the promise. */
  submit(block: RecordBlock, room: ListRoom): Promise<WorkerPart> {
    this.inFlight++;
    const done = (): void => {
      this.inFlight--;
    };
    const part = this.send(block, room);
    part.then(done, done);
    return part;
  }

  private send(block: RecordBlock, room: ListRoom): Promise<WorkerPart> {
    const index = this.next++ % this.pool.size;
    let worker = this.opened.get(index);
    if (worker === undefined || worker.dead) {
      worker = this.pool.worker(index);
      const known = this.areasId === 0 || worker.areasSent.has(this.areasId);
      const setup = known ? { ...this.setup, organizationAreas: undefined } : this.setup;
      worker.post({ kind: "open", job: this.id, setup, areasId: this.areasId });
      if (this.areasId !== 0) worker.areasSent.add(this.areasId);
      this.opened.set(index, worker);
    }
    // The worker gets a copy of its own, moved rather than copied again; the block stays here
    // until its part is added, in case the worker fails.
    const bytes = block.bytes.slice();
    return worker.request({ kind: "block", job: this.id, block: { ...block, bytes }, room }, [bytes.buffer]);
  }

  /** Frees the job's state in the workers. */
  close(): void {
    for (const worker of this.opened.values()) if (!worker.dead) worker.post({ kind: "close", job: this.id });
    this.opened.clear();
  }
}
