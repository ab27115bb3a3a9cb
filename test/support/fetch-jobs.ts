// A URL source's fetch is a job (202 + Location): these wait for it the way a client would, by polling.
export interface FetchJobBody {
  id: string;
  state: "running" | "done" | "failed";
  trigger: string;
  outcome: "released" | "not-modified" | "failed" | null;
  release: { id: string; status: string; changes: { added: number; changed: number } | null } | null;
  error: string | null;
  links: { self: string };
}

/** Polls the job at `url` until it is no longer running (or the deadline passes). */
export async function waitForFetchJob(url: string, token: string, timeoutMs = 30_000): Promise<FetchJobBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    const job = (await response.json()) as FetchJobBody;
    if (job.state !== "running") return job;
    if (Date.now() > deadline) throw new Error(`the fetch ${url} still runs after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Reads a 202 answer's job and waits for it to end. */
export async function finishedJob(response: Response, token: string): Promise<FetchJobBody> {
  if (response.status !== 202)
    throw new Error(`expected 202, got ${response.status}: ${await response.text()}`);
  const job = (await response.json()) as FetchJobBody;
  return waitForFetchJob(job.links.self, token);
}
