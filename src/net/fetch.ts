import { lookup as dnsLookup } from "node:dns/promises";
import {
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { pipeline, type Readable, type Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { classifyAddress } from "./address.ts";
import { defaultPort, isAllowedHost, parseAllowedHosts, type AllowedHost } from "./allow-list.ts";
import { FetchError, type FetchFailure } from "./errors.ts";

export const USER_AGENT = "Dataverkstad/1.0 (+https://dataverkstad.se)";

export const FETCH_DEFAULTS = {
  /** The whole fetch, redirects and body included. */
  timeoutMs: 30_000,
  /** Connecting, waiting for the answer, and any pause between chunks of the body. */
  idleTimeoutMs: 10_000,
  /** The body after decompression. */
  maxBytes: 50 * 1024 * 1024,
  maxRedirects: 5,
} as const;

/** Resolves a hostname to IP addresses (text). The default is the system resolver (dns.lookup). */
export type Resolver = (hostname: string) => Promise<readonly string[]>;

export interface FetchOptions {
  /** ALLOWED_PRIVATE_HOSTS: `host` or `host:port` entries that may resolve to private addresses. */
  readonly allowedPrivateHosts?: readonly string[];
  readonly timeoutMs?: number;
  readonly idleTimeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /** Sent as If-None-Match; a 304 answer gives `{ kind: "not-modified" }`. */
  readonly etag?: string;
  /** Sent as If-Modified-Since (an HTTP date, as the server sent it in Last-Modified). */
  readonly lastModified?: string;
  /** HEAD for link checks; the body is then empty. */
  readonly method?: "GET" | "HEAD";
  /** The Accept header; `*\/*` when not given. */
  readonly accept?: string;
  /** Cancels the fetch (and the body being read) with kind "aborted". */
  readonly signal?: AbortSignal;
  /** Replaces the system resolver (tests). Every address it returns is checked. */
  readonly resolve?: Resolver;
  /** Certificate authorities (PEM) trusted instead of node's bundled roots: tests, or an internal CA. */
  readonly ca?: string | readonly string[];
}

/** The response body: read it once (for await), or cancel it. Reading stops at maxBytes. */
export interface FetchBody extends AsyncIterable<Uint8Array> {
  /** Closes the connection without reading the rest. */
  cancel(): void;
}

export interface ResponseFacts {
  readonly status: number;
  readonly headers: Readonly<IncomingHttpHeaders>;
  /** The URL the answer came from, after redirects. */
  readonly finalUrl: string;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
  readonly contentType: string | undefined;
  /** Content-Length when the body is sent uncompressed; undefined otherwise. */
  readonly contentLength: number | undefined;
}

export interface FetchOk extends ResponseFacts {
  readonly kind: "ok";
  readonly body: FetchBody;
}

export interface FetchNotModified {
  readonly kind: "not-modified";
  readonly finalUrl: string;
  /** The validators to send next time: the 304's own, else the ones that were sent. */
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
}

export type FetchResult = FetchOk | FetchNotModified;

export interface FetchBufferOk extends ResponseFacts {
  readonly kind: "ok";
  readonly bytes: Buffer;
}

export type FetchBufferResult = FetchBufferOk | FetchNotModified;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

interface Settings {
  readonly allowList: readonly AllowedHost[];
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly method: "GET" | "HEAD";
  readonly headers: OutgoingHttpHeaders;
  readonly resolve: Resolver;
  readonly ca: string | readonly string[] | undefined;
  readonly signal: AbortSignal | undefined;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
}

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true })).map((entry) => entry.address);

function count(name: string, value: number | undefined, fallback: number, min: number): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < min) throw new RangeError(`${name} must be an integer ≥ ${min}`);
  return result;
}

function headerValue(name: string, value: string | undefined): string | undefined {
  // Values come from a previous answer; refuse anything that could split the request.
  if (value !== undefined && /[^\t\x20-\x7e\x80-\xff]/.test(value)) {
    throw new TypeError(`${name} contains characters a header cannot carry`);
  }
  return value;
}

function settingsOf(options: FetchOptions): Settings {
  const etag = headerValue("etag", options.etag);
  const lastModified = headerValue("lastModified", options.lastModified);
  const headers: OutgoingHttpHeaders = {
    "user-agent": USER_AGENT,
    accept: headerValue("accept", options.accept) ?? "*/*",
    // Asked uncompressed, so Content-Length is the stored size; gzip, deflate and br are still
    // read when a server sends them anyway, with the cap on the unpacked bytes.
    "accept-encoding": "identity",
  };
  if (etag !== undefined) headers["if-none-match"] = etag;
  if (lastModified !== undefined) headers["if-modified-since"] = lastModified;
  return {
    allowList: parseAllowedHosts(options.allowedPrivateHosts ?? []),
    timeoutMs: count("timeoutMs", options.timeoutMs, FETCH_DEFAULTS.timeoutMs, 1),
    idleTimeoutMs: count("idleTimeoutMs", options.idleTimeoutMs, FETCH_DEFAULTS.idleTimeoutMs, 1),
    maxBytes: count("maxBytes", options.maxBytes, FETCH_DEFAULTS.maxBytes, 0),
    maxRedirects: count("maxRedirects", options.maxRedirects, FETCH_DEFAULTS.maxRedirects, 0),
    method: options.method ?? "GET",
    headers,
    resolve: options.resolve ?? systemResolver,
    ca: options.ca,
    signal: options.signal,
    etag,
    lastModified,
  };
}

/** Credentials never appear in messages or logs. */
function redact(text: string): string {
  try {
    const url = new URL(text);
    if (url.username === "" && url.password === "") return text;
    url.username = "";
    url.password = "";
    return url.href;
  } catch {
    return text;
  }
}

/** Where the fetch is: the URL asked for and the one being fetched now. Errors are made here. */
class Trail {
  readonly requestedUrl: string;
  url: string;

  constructor(requestedUrl: string) {
    this.requestedUrl = redact(requestedUrl);
    this.url = this.requestedUrl;
  }

  error(failure: FetchFailure, cause?: unknown): FetchError {
    return new FetchError(failure, { requestedUrl: this.requestedUrl, url: this.url }, { cause });
  }
}

/** The total deadline and the caller's signal: one place that stops whatever is in flight. */
class Deadline {
  reason: FetchError | undefined;
  private readonly listeners = new Set<(error: FetchError) => void>();
  private readonly timer: NodeJS.Timeout;
  private readonly signal: AbortSignal | undefined;
  private readonly onAbort: () => void;

  constructor(ms: number, signal: AbortSignal | undefined, trail: Trail) {
    this.signal = signal;
    this.onAbort = () => this.expire(trail.error({ kind: "aborted" }));
    this.timer = setTimeout(() => this.expire(trail.error({ kind: "timeout", phase: "total", ms })), ms);
    if (signal?.aborted === true) this.onAbort();
    else signal?.addEventListener("abort", this.onAbort, { once: true });
  }

  /** Calls the listener when the deadline passes (now, if it has). Returns the unsubscribe. */
  onExpire(listener: (error: FetchError) => void): () => void {
    if (this.reason !== undefined) {
      listener(this.reason);
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The promise's outcome, or the deadline's error if that comes first. */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject: (error: Error) => void) => {
      const stop = this.onExpire(reject);
      promise.then(
        (value) => {
          stop();
          resolve(value);
        },
        (error: unknown) => {
          stop();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  clear(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener("abort", this.onAbort);
    this.listeners.clear();
  }

  private expire(error: FetchError): void {
    if (this.reason !== undefined) return;
    this.reason = error;
    const listeners = [...this.listeners];
    this.clear();
    for (const listener of listeners) listener(error);
  }
}

interface Target {
  readonly url: URL;
  /** The hostname without IPv6 brackets: what node connects to or passes to lookup. */
  readonly host: string;
  readonly port: number;
}

function targetOf(text: string, base: URL | undefined, trail: Trail): Target {
  trail.url = redact(text);
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (error) {
    throw trail.error({ kind: "bad-url", reason: "unparsable" }, error);
  }
  trail.url = redact(url.href);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw trail.error({ kind: "bad-url", reason: "scheme", scheme: url.protocol });
  }
  if (url.username !== "" || url.password !== "") {
    throw trail.error({ kind: "bad-url", reason: "credentials" });
  }
  // The WHATWG parser has already turned 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1.
  return { url, host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port: defaultPort(url) };
}

interface CheckedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** Resolves the target and checks every address; these, and only these, are then connected to. */
async function checkedAddresses(
  target: Target,
  settings: Settings,
  deadline: Deadline,
  trail: Trail,
): Promise<readonly CheckedAddress[]> {
  const hostname = target.url.hostname;
  let addresses: readonly string[];
  if (isIP(target.host) !== 0) {
    addresses = [target.host];
  } else {
    try {
      addresses = await deadline.race(settings.resolve(target.host));
    } catch (error) {
      if (error instanceof FetchError) throw error;
      throw trail.error({ kind: "dns", hostname, code: errorCode(error) ?? "UNKNOWN" }, error);
    }
    if (addresses.length === 0) throw trail.error({ kind: "dns", hostname, code: "ENODATA" });
  }
  const allowed = isAllowedHost(settings.allowList, target.url);
  const checked: CheckedAddress[] = [];
  for (const address of addresses) {
    const found = classifyAddress(address);
    if (found === undefined) throw trail.error({ kind: "dns", hostname, code: "EBADRESP" });
    if (found.range !== "public" && !allowed) {
      throw trail.error({ kind: "forbidden-address", hostname, address: found });
    }
    checked.push({ address, family: found.version });
  }
  return checked;
}

/**
 * Node's connect asks this instead of DNS, and gets exactly the addresses that were checked: no
 * second lookup, so no window for DNS rebinding. (For IP literals node does not ask at all.)
 */
function pinnedLookup(target: Target, addresses: readonly CheckedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const family =
      options.family === 4 || options.family === "IPv4"
        ? 4
        : options.family === 6 || options.family === "IPv6"
          ? 6
          : 0;
    const usable = addresses.filter((entry) => family === 0 || entry.family === family);
    const first = usable[0];
    process.nextTick(() => {
      if (hostname !== target.host || first === undefined) {
        const error: NodeJS.ErrnoException = new Error(`no checked address for ${hostname}`);
        error.code = "ENOTFOUND";
        callback(error, "", 0);
      } else if (options.all === true) {
        callback(
          null,
          usable.map((entry) => ({ address: entry.address, family: entry.family })),
        );
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
}

/** One request and its response; closing it ends both, failing it records why. */
class Exchange {
  failure: FetchError | undefined;
  response: IncomingMessage | undefined;
  private readonly request: ClientRequest;
  private readonly cleanups: (() => void)[] = [];

  constructor(request: ClientRequest) {
    this.request = request;
  }

  onClose(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /** Called once the connection is gone, whoever closed it: no more network waits after that. */
  onDisconnect(callback: () => void): void {
    this.request.once("close", callback);
  }

  fail(error: FetchError): void {
    this.failure ??= error;
    this.close(error);
  }

  close(error?: FetchError): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.request.destroy(error);
    this.response?.destroy(error);
  }
}

function send(
  target: Target,
  addresses: readonly CheckedAddress[],
  settings: Settings,
  deadline: Deadline,
  trail: Trail,
): Promise<{ readonly exchange: Exchange; readonly response: IncomingMessage }> {
  return new Promise((resolve, reject: (error: unknown) => void) => {
    const options = {
      host: target.host,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method: settings.method,
      headers: settings.headers,
      // A fresh connection each time: a pooled socket would skip the lookup (and the check).
      agent: false,
      lookup: pinnedLookup(target, addresses),
      // The socket's inactivity limit: it covers connecting, waiting, and each pause in the body.
      timeout: settings.idleTimeoutMs,
    };
    const request =
      target.url.protocol === "https:"
        ? httpsRequest({ ...options, ca: settings.ca === undefined ? undefined : [settings.ca].flat() })
        : httpRequest(options);
    const exchange = new Exchange(request);
    exchange.onClose(deadline.onExpire((error) => exchange.fail(error)));
    request.on("timeout", () => {
      exchange.fail(trail.error({ kind: "timeout", phase: "idle", ms: settings.idleTimeoutMs }));
    });
    request.on("error", (error) => {
      // After the response, errors reach the body's reader instead.
      if (exchange.response !== undefined) return;
      exchange.close();
      reject(exchange.failure ?? error);
    });
    request.on("response", (response) => {
      // Errors are read through the body's iterator; this keeps an unread body from crashing.
      response.on("error", () => undefined);
      exchange.response = response;
      resolve({ exchange, response });
    });
    request.end();
  });
}

const TLS_CODE = /CERT|^ERR_TLS_|^ERR_SSL_|^UNABLE_TO_|^EPROTO$|^HOSTNAME_MISMATCH$|^INVALID_(CA|PURPOSE)$/;

/** Any error from node's stack as a FetchError of the right kind. */
function asFetchError(error: unknown, trail: Trail): FetchError {
  if (error instanceof FetchError) return error;
  const code = errorCode(error) ?? (error instanceof Error ? error.name : "UNKNOWN");
  if (TLS_CODE.test(code)) {
    const hostname = URL.canParse(trail.url) ? new URL(trail.url).hostname : trail.url;
    return trail.error({ kind: "tls", hostname, code }, error);
  }
  if (code.startsWith("HPE_"))
    return trail.error({ kind: "bad-response", reason: "malformed", detail: code }, error);
  // zlib's codes start with Z_, brotli's with ERR__ (ERR__ERROR_FORMAT_PADDING_1).
  if (code.startsWith("Z_") || code.startsWith("ERR__")) {
    return trail.error({ kind: "bad-response", reason: "damaged-encoding", detail: code }, error);
  }
  return trail.error({ kind: "network", code }, error);
}

type Decoder = () => Transform;

function decoderFor(encoding: string): Decoder | "identity" | undefined {
  switch (encoding) {
    case "":
    case "identity":
      return "identity";
    case "gzip":
    case "x-gzip":
      return createGunzip;
    case "deflate":
      return createInflate;
    case "br":
      return createBrotliDecompress;
    default:
      return undefined;
  }
}

function contentLengthOf(headers: IncomingHttpHeaders): number | undefined {
  const text = headers["content-length"];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Streams the response, unpacked, and stops with "too-large" before handing over a byte past the cap. */
class ResponseBody implements FetchBody {
  private read = false;
  private readonly exchange: Exchange;
  private readonly response: IncomingMessage;
  private readonly decoder: Decoder | "identity";
  private readonly maxBytes: number;
  private readonly trail: Trail;
  private readonly done: () => void;

  constructor(
    exchange: Exchange,
    response: IncomingMessage,
    decoder: Decoder | "identity",
    maxBytes: number,
    trail: Trail,
    done: () => void,
  ) {
    this.exchange = exchange;
    this.response = response;
    this.decoder = decoder;
    this.maxBytes = maxBytes;
    this.trail = trail;
    this.done = done;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    if (this.read) throw new Error("The body has already been read");
    this.read = true;
    let source: Readable = this.response;
    if (this.decoder !== "identity") {
      const unpack = this.decoder();
      this.exchange.onClose(() => unpack.destroy());
      source = pipeline(this.response, unpack, () => undefined);
    }
    let received = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        received += chunk.byteLength;
        if (received > this.maxBytes) {
          throw this.trail.error({ kind: "too-large", maxBytes: this.maxBytes });
        }
        yield chunk;
      }
      if (this.exchange.failure !== undefined) throw this.exchange.failure;
    } catch (error) {
      throw this.exchange.failure ?? asFetchError(error, this.trail);
    } finally {
      this.exchange.close();
      this.done();
    }
  }

  cancel(): void {
    this.exchange.fail(this.trail.error({ kind: "aborted" }));
    this.done();
  }
}

const EMPTY_BODY: FetchBody = {
  async *[Symbol.asyncIterator]() {},
  cancel: () => undefined,
};

function header(
  headers: IncomingHttpHeaders,
  name: "etag" | "last-modified" | "content-type",
): string | undefined {
  const value = headers[name];
  return value === undefined || value === "" ? undefined : value;
}

/**
 * Fetches an http(s) URL for the platform: only public addresses (unless the host is on the
 * allow-list), checked after DNS and connected to exactly as checked, redirects followed by hand
 * and checked again, under a total deadline, an idle timeout and a cap on the body.
 *
 * Throws FetchError for every expected failure. On "ok", read `body` (or cancel it): the
 * connection and the deadline stay open until then.
 */
export async function fetchUrl(url: string | URL, options: FetchOptions = {}): Promise<FetchResult> {
  const settings = settingsOf(options);
  const trail = new Trail(String(url));
  const deadline = new Deadline(settings.timeoutMs, settings.signal, trail);
  try {
    let target = targetOf(String(url), undefined, trail);
    for (let redirects = 0; ; redirects++) {
      const addresses = await checkedAddresses(target, settings, deadline, trail);
      const { exchange, response } = await send(target, addresses, settings, deadline, trail);
      const status = response.statusCode ?? 0;
      const headers = response.headers;
      if (REDIRECT_STATUSES.has(status)) {
        exchange.close();
        const location = headers.location;
        if (location === undefined || location === "") {
          throw trail.error({ kind: "bad-response", reason: "redirect-without-location" });
        }
        const next = targetOf(location, target.url, trail);
        if (redirects >= settings.maxRedirects) {
          throw trail.error({ kind: "too-many-redirects", maxRedirects: settings.maxRedirects });
        }
        // 301/302/303 turn a POST into GET; this fetcher only sends GET and HEAD, which stay.
        target = next;
        continue;
      }
      const finalUrl = target.url.href;
      if (status === 304) {
        exchange.close();
        deadline.clear();
        return {
          kind: "not-modified",
          finalUrl,
          etag: header(headers, "etag") ?? settings.etag,
          lastModified: header(headers, "last-modified") ?? settings.lastModified,
        };
      }
      if (status < 200 || status > 299) {
        exchange.close();
        throw trail.error({ kind: "http-status", status });
      }
      const encoding = (headers["content-encoding"] ?? "").trim().toLowerCase();
      const decoder = decoderFor(encoding);
      if (decoder === undefined) {
        exchange.close();
        throw trail.error({ kind: "bad-response", reason: "unsupported-encoding", detail: encoding });
      }
      const contentLength = decoder === "identity" ? contentLengthOf(headers) : undefined;
      if (settings.method !== "HEAD" && contentLength !== undefined && contentLength > settings.maxBytes) {
        exchange.close();
        throw trail.error({ kind: "too-large", maxBytes: settings.maxBytes, declaredBytes: contentLength });
      }
      let body: FetchBody = EMPTY_BODY;
      if (settings.method === "HEAD") {
        exchange.close();
        deadline.clear();
      } else {
        body = new ResponseBody(exchange, response, decoder, settings.maxBytes, trail, () =>
          deadline.clear(),
        );
        // A body left unread on a closed connection is in memory; its deadline need not keep the process up.
        exchange.onDisconnect(() => deadline.clear());
      }
      return {
        kind: "ok",
        status,
        headers,
        finalUrl,
        etag: header(headers, "etag"),
        lastModified: header(headers, "last-modified"),
        contentType: header(headers, "content-type"),
        contentLength,
        body,
      };
    }
  } catch (error) {
    deadline.clear();
    throw asFetchError(error, trail);
  }
}

/** Reads a body into one Buffer; the body's own cap applies (too-large). */
export async function readBody(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** fetchUrl, with the body read into a Buffer under maxBytes. */
export async function fetchUrlBuffer(
  url: string | URL,
  options: FetchOptions = {},
): Promise<FetchBufferResult> {
  const result = await fetchUrl(url, options);
  if (result.kind === "not-modified") return result;
  const { body, ...facts } = result;
  return { ...facts, bytes: await readBody(body) };
}
