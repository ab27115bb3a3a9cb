import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { describe, test, type TestContext } from "node:test";
import { gzipSync } from "node:zlib";
import { AppError } from "../core/index.ts";
import { FetchError, fetchErrorToAppError, type FetchErrorKind } from "./errors.ts";
import { fetchUrl, fetchUrlBuffer, readBody, USER_AGENT, type FetchOptions, type Resolver } from "./fetch.ts";
import { TEST_TLS_CERT, TEST_TLS_KEY } from "./test-tls.ts";

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly servername: string | undefined;
}

interface TestServer {
  readonly port: number;
  /** http://127.0.0.1:PORT (or https://). */
  readonly origin: string;
  /** 127.0.0.1:PORT, for the allow-list. */
  readonly hostPort: string;
  readonly seen: Seen[];
  /** TCP connections accepted: 0 proves a refusal happened before connecting. */
  connections: number;
  /** Resolves when a connection the server accepted has closed. */
  readonly closed: Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 that records what it was asked, closed when the test ends. */
async function serve(t: TestContext, handler: Handler, tls = false): Promise<TestServer> {
  const server: Server = tls
    ? createTlsServer({ key: TEST_TLS_KEY, cert: TEST_TLS_CERT }, handler)
    : createServer(handler);
  let connectionClosed = (): void => undefined;
  const state: TestServer = {
    port: 0,
    origin: "",
    hostPort: "",
    seen: [],
    connections: 0,
    closed: new Promise<void>((resolve) => (connectionClosed = resolve)),
  };
  server.on("connection", (socket: Socket) => {
    state.connections++;
    socket.on("close", connectionClosed);
  });
  server.on("request", (req: IncomingMessage) => {
    const socket: Socket & { readonly servername?: string | false } = req.socket;
    state.seen.push({
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      servername: typeof socket.servername === "string" ? socket.servername : undefined,
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  t.after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return Object.assign(state, {
    port,
    origin: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
  });
}

function text(body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, {
      "content-type": "text/plain; charset=utf-8",
      "content-length": String(Buffer.byteLength(body)),
      ...headers,
    });
    res.end(body);
  };
}

function redirectTo(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
}

/** Asserts that the promise fails with a FetchError of that kind, and returns it. */
async function failure(promise: Promise<unknown>, kind: FetchErrorKind): Promise<FetchError> {
  try {
    const result = await promise;
    assert.fail(
      `expected ${kind}, got ${JSON.stringify(result, (key, value: unknown) => (key === "body" ? "…" : value))}`,
    );
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    assert.equal(error.kind, kind, `${error.kind}: ${error.message}`);
    return error;
  }
}

const NO_DNS: Resolver = () => Promise.reject(new Error("no DNS lookup expected"));

function fixedDns(answers: Readonly<Record<string, readonly string[]>>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = (hostname: string): Promise<readonly string[]> => {
    calls.push(hostname);
    const answer = answers[hostname];
    if (answer === undefined) {
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }),
      );
    }
    return Promise.resolve(answer);
  };
  return Object.assign(resolve, { calls });
}

describe("only http and https URLs are fetched", () => {
  test("other schemes are refused with a message naming the scheme and the address", async () => {
    for (const url of [
      "file:///etc/passwd",
      "ftp://ftp.sunet.se/pub/",
      "data:text/plain,hej",
      "gopher://127.0.0.1:70/_",
      "javascript:alert(1)",
      "ws://data.kommun.test/",
      "blob:https://data.kommun.test/x",
    ]) {
      const error = await failure(fetchUrl(url, { resolve: NO_DNS }), "bad-url");
      const scheme = new URL(url).protocol;
      assert.deepEqual(error.failure, { kind: "bad-url", reason: "scheme", scheme });
      assert.match(error.text.sv, new RegExp(`börjar med "${scheme}".*https://`));
      assert.match(error.text.en, new RegExp(`starts with "${scheme}".*https://`));
      assert.ok(error.text.sv.includes(url) && error.text.en.includes(url), url);
    }
  });

  test("text that is no URL is refused", async () => {
    for (const url of ["", "not a url", "http://", "http://[::1/", "//data.kommun.test/x"]) {
      const error = await failure(fetchUrl(url, { resolve: NO_DNS }), "bad-url");
      assert.deepEqual(error.failure, { kind: "bad-url", reason: "unparsable" });
    }
  });

  test("credentials in the URL are refused and never repeated", async () => {
    const error = await failure(fetchUrl("https://kalle:hemligt@data.kommun.test/x.csv"), "bad-url");
    assert.deepEqual(error.failure, { kind: "bad-url", reason: "credentials" });
    assert.ok(!JSON.stringify([error.text, error.url, error.requestedUrl]).includes("hemligt"));
  });
});

describe("addresses inside the network are refused before connecting", () => {
  test("decimal, octal, hex and short IPv4 forms are normalised by the URL parser, then refused", async () => {
    const forms: readonly (readonly [string, string, string])[] = [
      ["http://2130706433/", "127.0.0.1", "loopback"],
      ["http://0x7f.1/", "127.0.0.1", "loopback"],
      ["http://017700000001/", "127.0.0.1", "loopback"],
      ["http://0x7f000001/", "127.0.0.1", "loopback"],
      ["http://0177.0.0.1/", "127.0.0.1", "loopback"],
      ["http://127.1/", "127.0.0.1", "loopback"],
      ["http://0/", "0.0.0.0", "unspecified"],
      ["http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254", "link-local"],
      ["http://2852039166/latest/meta-data/", "169.254.169.254", "link-local"],
      ["http://012.0.0.1/", "10.0.0.1", "private"],
    ];
    for (const [url, address, range] of forms) {
      assert.equal(new URL(url).hostname, address, url);
      const error = await failure(fetchUrl(url, { resolve: NO_DNS }), "forbidden-address");
      assert.ok(error.failure.kind === "forbidden-address");
      assert.equal(error.failure.address.address, address, url);
      assert.equal(error.failure.address.range, range, url);
    }
  });

  test("private, loopback, link-local, CGNAT, multicast, documentation and broadcast literals", async () => {
    for (const url of [
      "http://127.0.0.1/",
      "http://10.1.2.3/",
      "http://172.16.0.1/",
      "http://192.168.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://100.64.0.1/",
      "http://224.0.0.1/",
      "http://0.0.0.0/",
      "http://255.255.255.255/",
      "http://192.0.2.1/",
      "http://198.18.0.1/",
      "https://127.0.0.1/",
      "http://[::1]/",
      "http://[::]/",
      "http://[fd00::1]/",
      "http://[fe80::1]/",
      "http://[ff02::1]/",
      "http://[2001:db8::1]/",
    ]) {
      await failure(fetchUrl(url, { resolve: NO_DNS }), "forbidden-address");
    }
  });

  test("IPv4-mapped, -compatible, NAT64 and 6to4 IPv6 forms of private addresses", async () => {
    for (const [url, ipv4] of [
      ["http://[::ffff:127.0.0.1]/", "127.0.0.1"],
      ["http://[::ffff:7f00:1]/", "127.0.0.1"],
      ["http://[0:0:0:0:0:ffff:7f00:1]/", "127.0.0.1"],
      ["http://[::127.0.0.1]/", "127.0.0.1"],
      ["http://[::ffff:169.254.169.254]/", "169.254.169.254"],
      ["http://[64:ff9b::10.0.0.1]/", "10.0.0.1"],
      ["http://[2002:a9fe:a9fe::]/", "169.254.169.254"],
    ] as const) {
      const error = await failure(fetchUrl(url, { resolve: NO_DNS }), "forbidden-address");
      assert.ok(error.failure.kind === "forbidden-address");
      assert.equal(error.failure.address.embedded?.ipv4, ipv4, url);
      assert.ok(error.text.en.includes(`form of ${ipv4}`), error.text.en);
    }
  });

  test("a name is checked by what it resolves to: one private address among public ones is enough", async () => {
    const dns = fixedDns({
      "intern.kommun.test": ["10.0.0.1"],
      "blandat.kommun.test": ["93.184.216.34", "2a00:1450:400f:80d::200e", "192.168.1.10"],
      "v6.kommun.test": ["::ffff:127.0.0.1"],
      "metadata.kommun.test": ["169.254.169.254"],
    });
    const error = await failure(
      fetchUrl("http://intern.kommun.test/data.csv", { resolve: dns }),
      "forbidden-address",
    );
    assert.equal(
      error.text.sv,
      "Adressen http://intern.kommun.test/data.csv går till intern.kommun.test, som pekar på 10.0.0.1, en privat adress i ett internt nät. Plattformen hämtar bara från servrar som är nåbara på internet.",
    );
    assert.equal(
      error.text.en,
      "The address http://intern.kommun.test/data.csv goes to intern.kommun.test, which points to 10.0.0.1, a private address on an internal network. The platform only fetches from servers reachable on the internet.",
    );
    const mixed = await failure(
      fetchUrl("https://blandat.kommun.test/", { resolve: dns }),
      "forbidden-address",
    );
    assert.ok(mixed.failure.kind === "forbidden-address");
    assert.equal(mixed.failure.address.address, "192.168.1.10");
    await failure(fetchUrl("http://v6.kommun.test/", { resolve: dns }), "forbidden-address");
    await failure(fetchUrl("http://metadata.kommun.test/", { resolve: dns }), "forbidden-address");
  });

  test("names that do not resolve, or resolve to nothing usable, are DNS errors", async () => {
    const dns = fixedDns({ "tom.kommun.test": [], "trasig.kommun.test": ["not-an-address"] });
    const missing = await failure(fetchUrl("http://saknas.kommun.test/", { resolve: dns }), "dns");
    assert.deepEqual(missing.failure, { kind: "dns", hostname: "saknas.kommun.test", code: "ENOTFOUND" });
    assert.match(missing.text.sv, /finns inte i DNS/);
    const empty = await failure(fetchUrl("http://tom.kommun.test/", { resolve: dns }), "dns");
    assert.equal(empty.failure.kind === "dns" && empty.failure.code, "ENODATA");
    const broken = await failure(fetchUrl("http://trasig.kommun.test/", { resolve: dns }), "dns");
    assert.equal(broken.failure.kind === "dns" && broken.failure.code, "EBADRESP");
    const failing = await failure(
      fetchUrl("http://data.kommun.test/", { resolve: () => Promise.reject(new Error("resolver down")) }),
      "dns",
    );
    assert.equal(failing.failure.kind === "dns" && failing.failure.code, "UNKNOWN");
    assert.match(failing.text.en, /could not be looked up in DNS just now/);
  });
});

describe("local servers and the allow-list", () => {
  test("a server on 127.0.0.1 is refused without the allow-list, and never contacted", async (t) => {
    const server = await serve(t, text("hej"));
    await failure(fetchUrl(`${server.origin}/`), "forbidden-address");
    await failure(
      fetchUrl(`${server.origin}/`, { allowedPrivateHosts: ["127.0.0.1:1"] }),
      "forbidden-address",
    );
    await failure(fetchUrl(`${server.origin}/`, { allowedPrivateHosts: ["localhost"] }), "forbidden-address");
    assert.equal(server.connections, 0);
  });

  test("with 127.0.0.1:PORT allowed it is fetched, with our User-Agent and no compression asked", async (t) => {
    const server = await serve(t, text("kommunkod;namn\n0580;Linköping\n", { etag: '"v1"' }));
    const result = await fetchUrl(`${server.origin}/badplatser.csv?x=1#frag`, {
      allowedPrivateHosts: [server.hostPort],
    });
    assert.ok(result.kind === "ok");
    assert.equal(result.status, 200);
    assert.equal(result.finalUrl, `${server.origin}/badplatser.csv?x=1#frag`);
    assert.equal(result.contentType, "text/plain; charset=utf-8");
    assert.equal(result.etag, '"v1"');
    assert.equal(result.contentLength, Buffer.byteLength("kommunkod;namn\n0580;Linköping\n"));
    assert.equal((await readBody(result.body)).toString("utf8"), "kommunkod;namn\n0580;Linköping\n");
    const seen = server.seen[0];
    assert.equal(seen?.url, "/badplatser.csv?x=1");
    assert.equal(seen.headers["user-agent"], USER_AGENT);
    assert.equal(seen.headers["user-agent"], "Dataverkstad/1.0 (+https://dataverkstad.se)");
    assert.equal(seen.headers["accept-encoding"], "identity");
    assert.equal(seen.headers.accept, "*/*");
    assert.equal(seen.headers.host, server.hostPort);
  });

  test("an entry without a port allows every port of that host", async (t) => {
    const server = await serve(t, text("ok"));
    const result = await fetchUrlBuffer(`${server.origin}/`, { allowedPrivateHosts: ["127.0.0.1"] });
    assert.equal(result.kind === "ok" && result.bytes.toString(), "ok");
  });

  test("an allowed name connects to the address it resolved to, once, with its own Host header", async (t) => {
    const server = await serve(t, text("från filservern"));
    // A second lookup would get 127.0.0.2, where nothing listens: rebinding would show as a failure.
    let lookups = 0;
    const resolve: Resolver = () => Promise.resolve(lookups++ === 0 ? ["127.0.0.1"] : ["127.0.0.2"]);
    const result = await fetchUrlBuffer(`http://files.kommun.test:${server.port}/a.csv`, {
      allowedPrivateHosts: [`files.kommun.test:${server.port}`],
      resolve,
    });
    assert.equal(result.kind === "ok" && result.bytes.toString(), "från filservern");
    assert.equal(lookups, 1);
    assert.equal(server.seen[0]?.headers.host, `files.kommun.test:${server.port}`);
  });

  test("an allowed name does not allow other names, or the bare address, that lead to the same server", async (t) => {
    const server = await serve(t, text("hemligt"));
    const options: FetchOptions = {
      allowedPrivateHosts: [`files.kommun.test:${server.port}`],
      resolve: fixedDns({ "files.kommun.test": ["127.0.0.1"], "annan.kommun.test": ["127.0.0.1"] }),
    };
    await failure(fetchUrl(`http://annan.kommun.test:${server.port}/`, options), "forbidden-address");
    await failure(fetchUrl(`http://127.0.0.1:${server.port}/`, options), "forbidden-address");
    await failure(fetchUrl(`http://[::ffff:127.0.0.1]:${server.port}/`, options), "forbidden-address");
    assert.equal(server.connections, 0);
  });

  test("an IPv6 literal is connected to without its brackets, when allowed", async (t) => {
    const server = createServer(text("över IPv6"));
    const listening = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(0, "::1", () => resolve(true));
    });
    if (!listening) return t.skip("no IPv6 loopback here");
    t.after(() => server.close());
    const port = (server.address() as AddressInfo).port;
    await failure(fetchUrl(`http://[::1]:${port}/`), "forbidden-address");
    const result = await fetchUrlBuffer(`http://[::1]:${port}/`, { allowedPrivateHosts: [`[::1]:${port}`] });
    assert.equal(result.kind === "ok" && result.bytes.toString(), "över IPv6");
  });

  test("nothing listening is a network error", async () => {
    // A port that was just free: listened on, then closed.
    const probe = createTcpServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const freePort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await failure(
      fetchUrl(`http://127.0.0.1:${freePort}/`, { allowedPrivateHosts: [`127.0.0.1:${freePort}`] }),
      "network",
    );
    assert.deepEqual(error.failure, { kind: "network", code: "ECONNREFUSED" });
  });
});

describe("redirects are followed by hand and checked again", () => {
  test("an allowed server redirecting inside the network is refused at each kind of target", async (t) => {
    const other = await serve(t, text("annan tjänst"));
    const targets = [
      "http://169.254.169.254/latest/meta-data/",
      "http://[::ffff:127.0.0.1]:PORT/",
      "http://[::ffff:7f00:1]:PORT/",
      `http://127.0.0.1:${other.port}/`,
      `http://0x7f.1:${other.port}/`,
    ];
    for (const target of targets) {
      const server = await serve(t, (req, res) => {
        res.writeHead(302, {
          location: target.replace("PORT", String(req.socket.localPort ?? 0)),
        });
        res.end();
      });
      const error = await failure(
        fetchUrl(`${server.origin}/fil.csv`, { allowedPrivateHosts: [server.hostPort] }),
        "forbidden-address",
      );
      assert.equal(error.requestedUrl, `${server.origin}/fil.csv`);
      assert.notEqual(error.url, error.requestedUrl);
      assert.ok(error.text.sv.includes(`dit ${server.origin}/fil.csv vidarebefordrade`), error.text.sv);
      assert.ok(error.text.en.includes(`where ${server.origin}/fil.csv redirected`), error.text.en);
      assert.equal(server.seen.length, 1);
    }
    assert.equal(other.connections, 0);
  });

  test("a redirect to a name that resolves to a private address is refused", async (t) => {
    const server = await serve(t, redirectTo("http://intern.kommun.test/"));
    const error = await failure(
      fetchUrl(`${server.origin}/`, {
        allowedPrivateHosts: [server.hostPort],
        resolve: fixedDns({ "intern.kommun.test": ["10.0.0.1"] }),
      }),
      "forbidden-address",
    );
    assert.equal(error.url, "http://intern.kommun.test/");
  });

  test("every redirect status is followed, relative locations included", async (t) => {
    for (const status of [301, 302, 303, 307, 308]) {
      const server = await serve(t, (req, res) => {
        if (req.url === "/slut.csv") return text("framme")(req, res);
        redirectTo("/slut.csv", status)(req, res);
      });
      const result = await fetchUrlBuffer(`${server.origin}/start`, {
        allowedPrivateHosts: [server.hostPort],
      });
      assert.ok(result.kind === "ok");
      assert.equal(result.bytes.toString(), "framme", String(status));
      assert.equal(result.finalUrl, `${server.origin}/slut.csv`);
      assert.deepEqual(
        server.seen.map((seen) => seen.method),
        ["GET", "GET"],
      );
    }
  });

  test("five redirects are followed; the sixth is refused", async (t) => {
    const server = await serve(t, (req, res) => {
      const step = Number(req.url?.slice(1));
      if (step === 0) return text("slutet")(req, res);
      redirectTo(`/${step - 1}`)(req, res);
    });
    const options = { allowedPrivateHosts: [server.hostPort] };
    const five = await fetchUrlBuffer(`${server.origin}/5`, options);
    assert.equal(five.kind === "ok" && five.bytes.toString(), "slutet");
    const error = await failure(fetchUrl(`${server.origin}/6`, options), "too-many-redirects");
    assert.equal(error.url, `${server.origin}/0`);
    assert.match(error.text.sv, /vidarebefordrade mer än 5 gånger/);
    assert.match(error.text.en, /redirected more than 5 times/);
    await failure(fetchUrl(`${server.origin}/1`, { ...options, maxRedirects: 0 }), "too-many-redirects");
  });

  test("a redirect to another scheme or without a Location is refused", async (t) => {
    const toFile = await serve(t, redirectTo("file:///etc/passwd"));
    const error = await failure(
      fetchUrl(`${toFile.origin}/`, { allowedPrivateHosts: [toFile.hostPort] }),
      "bad-url",
    );
    assert.equal(error.url, "file:///etc/passwd");
    const nowhere = await serve(t, (_req, res) => {
      res.writeHead(301);
      res.end();
    });
    const missing = await failure(
      fetchUrl(`${nowhere.origin}/`, { allowedPrivateHosts: [nowhere.hostPort] }),
      "bad-response",
    );
    assert.deepEqual(missing.failure, { kind: "bad-response", reason: "redirect-without-location" });
  });
});

describe("answers other than 200", () => {
  test("a status outside 2xx and 304 is an error carrying the status", async (t) => {
    for (const status of [404, 410, 403, 500, 503, 300]) {
      const server = await serve(t, (_req, res) => {
        res.writeHead(status);
        res.end("nope");
      });
      const error = await failure(
        fetchUrl(`${server.origin}/x.csv`, { allowedPrivateHosts: [server.hostPort] }),
        "http-status",
      );
      assert.deepEqual(error.failure, { kind: "http-status", status });
      assert.ok(error.text.sv.includes(`status ${status} för ${server.origin}/x.csv`), error.text.sv);
      assert.ok(error.text.en.includes(`status ${status} for ${server.origin}/x.csv`), error.text.en);
    }
  });

  test("validators are sent as conditional headers and a 304 is its own result", async (t) => {
    const server = await serve(t, (req, res) => {
      const unchanged =
        req.headers["if-none-match"] === '"v7"' ||
        req.headers["if-modified-since"] === "Tue, 01 Sep 2026 10:00:00 GMT";
      res.writeHead(unchanged ? 304 : 200, {
        etag: '"v7"',
        "last-modified": "Tue, 01 Sep 2026 10:00:00 GMT",
      });
      res.end(unchanged ? undefined : "data");
    });
    const options = { allowedPrivateHosts: [server.hostPort] };
    const first = await fetchUrlBuffer(`${server.origin}/`, options);
    assert.ok(first.kind === "ok");
    assert.equal(first.etag, '"v7"');
    assert.equal(first.lastModified, "Tue, 01 Sep 2026 10:00:00 GMT");
    assert.deepEqual(await fetchUrl(`${server.origin}/`, { ...options, etag: first.etag }), {
      kind: "not-modified",
      finalUrl: `${server.origin}/`,
      etag: '"v7"',
      lastModified: "Tue, 01 Sep 2026 10:00:00 GMT",
    });
    const byDate = await fetchUrlBuffer(`${server.origin}/`, {
      ...options,
      lastModified: first.lastModified,
    });
    assert.equal(byDate.kind, "not-modified");
    assert.equal(server.seen[1]?.headers["if-none-match"], '"v7"');
    assert.equal(server.seen[2]?.headers["if-modified-since"], "Tue, 01 Sep 2026 10:00:00 GMT");
    assert.equal(server.seen[0]?.headers["if-none-match"], undefined);
  });

  test("HEAD asks for the headers only, for link checks", async (t) => {
    const server = await serve(t, text("a body a HEAD never sees"));
    const result = await fetchUrlBuffer(`${server.origin}/`, {
      allowedPrivateHosts: [server.hostPort],
      method: "HEAD",
    });
    assert.ok(result.kind === "ok");
    assert.equal(result.bytes.length, 0);
    assert.equal(server.seen[0]?.method, "HEAD");
  });

  test("a connection cut before the whole body arrived is a network error", async (t) => {
    const server = await serve(t, (_req, res) => {
      res.writeHead(200, { "content-length": "1000" });
      res.write("only the start", () => res.socket?.destroy());
    });
    const result = await fetchUrl(`${server.origin}/`, { allowedPrivateHosts: [server.hostPort] });
    assert.ok(result.kind === "ok");
    await failure(readBody(result.body), "network");
  });

  test("a response that is not HTTP is a bad response", async (t) => {
    const raw = createTcpServer((socket) => socket.end("SSH-2.0-OpenSSH_9.6\r\n\r\n"));
    raw.listen(0, "127.0.0.1");
    await once(raw, "listening");
    t.after(() => raw.close());
    const port = (raw.address() as AddressInfo).port;
    const error = await failure(
      fetchUrl(`http://127.0.0.1:${port}/`, { allowedPrivateHosts: [`127.0.0.1:${port}`] }),
      "bad-response",
    );
    assert.equal(error.failure.kind === "bad-response" && error.failure.reason, "malformed");
  });
});

describe("time limits", () => {
  test("a server that accepts but never answers hits the idle timeout", async (t) => {
    const server = await serve(t, () => undefined);
    const error = await failure(
      fetchUrl(`${server.origin}/`, { allowedPrivateHosts: [server.hostPort], idleTimeoutMs: 150 }),
      "timeout",
    );
    assert.deepEqual(error.failure, { kind: "timeout", phase: "idle", ms: 150 });
    assert.match(error.text.sv, /svarade inte eller slutade skicka data i 0,2 sekunder/);
    await server.closed;
  });

  test("a body that stops arriving hits the idle timeout while it is read", async (t) => {
    const server = await serve(t, (_req, res) => {
      res.writeHead(200, { "content-type": "text/csv" });
      res.write("a,b\n");
    });
    const result = await fetchUrl(`${server.origin}/`, {
      allowedPrivateHosts: [server.hostPort],
      idleTimeoutMs: 500,
    });
    assert.ok(result.kind === "ok");
    const error = await failure(readBody(result.body), "timeout");
    assert.equal(error.failure.kind === "timeout" && error.failure.phase, "idle");
  });

  test("a server that trickles forever hits the total deadline", async (t) => {
    const server = await serve(t, (_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write("."), 10);
      res.on("close", () => clearInterval(timer));
    });
    const error = await failure(
      fetchUrlBuffer(`${server.origin}/`, { allowedPrivateHosts: [server.hostPort], timeoutMs: 300 }),
      "timeout",
    );
    assert.deepEqual(error.failure, { kind: "timeout", phase: "total", ms: 300 });
    assert.match(error.text.en, /did not finish within 0\.3 seconds/);
    await server.closed;
  });

  test("the deadline also bounds a DNS lookup that never returns", async () => {
    const error = await failure(
      fetchUrl("http://långsam.kommun.test/", {
        resolve: () => new Promise(() => undefined),
        timeoutMs: 100,
      }),
      "timeout",
    );
    assert.equal(error.failure.kind === "timeout" && error.failure.phase, "total");
  });

  test("the caller's signal cancels the fetch, while waiting and before starting", async (t) => {
    const controller = new AbortController();
    // Aborts once the request has arrived, so the fetch is surely waiting for the answer.
    const server = await serve(t, () => controller.abort());
    const options = { allowedPrivateHosts: [server.hostPort] };
    await failure(fetchUrl(`${server.origin}/`, { ...options, signal: controller.signal }), "aborted");
    await server.closed;
    await failure(fetchUrl(`${server.origin}/`, { ...options, signal: AbortSignal.abort() }), "aborted");
    assert.equal(server.connections, 1);
  });
});

describe("the size cap", () => {
  const CAP = 1024 * 1024;

  test("a declared Content-Length over the cap is refused before the body is read", async (t) => {
    const server = await serve(t, (_req, res) => {
      res.writeHead(200, { "content-length": String(CAP + 1) });
      res.write(Buffer.alloc(1024));
    });
    const error = await failure(
      fetchUrl(`${server.origin}/`, { allowedPrivateHosts: [server.hostPort], maxBytes: CAP }),
      "too-large",
    );
    assert.deepEqual(error.failure, { kind: "too-large", maxBytes: CAP, declaredBytes: CAP + 1 });
    assert.match(error.text.sv, /får vara högst 1 MB, men den är 1 MB/);
    await server.closed;
  });

  test("an endless body stops just past the cap: the reader gets no more, the server is cut off", async (t) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const server = await serve(t, (_req, res) => {
      res.writeHead(200, { "content-type": "text/csv" });
      const pump = (): void => {
        // Writes only when the client's side takes them, so `sent` measures what it read (plus socket buffers).
        while (sent < 512 * CAP && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    });
    const result = await fetchUrl(`${server.origin}/`, {
      allowedPrivateHosts: [server.hostPort],
      maxBytes: CAP,
    });
    assert.ok(result.kind === "ok");
    assert.equal(result.contentLength, undefined);
    let received = 0;
    const error = await failure(
      (async () => {
        for await (const piece of result.body) received += piece.byteLength;
      })(),
      "too-large",
    );
    assert.deepEqual(error.failure, { kind: "too-large", maxBytes: CAP });
    assert.ok(received <= CAP, `the reader was handed ${received} bytes`);
    await server.closed;
    // What the kernel buffers between the two sockets (a few MB; tcp_rmem allows up to 32 MB) is
    // counted as sent too. Reading on would have taken all 512 MB.
    assert.ok(sent < CAP + 48 * 1024 * 1024, `the server wrote ${sent} bytes`);
  });

  test("a compressed body is unpacked, and the cap counts unpacked bytes (a zip bomb stops at the cap)", async (t) => {
    const csv = "kommunkod;namn\n".repeat(1000);
    const bomb = gzipSync(Buffer.alloc(16 * CAP));
    const server = await serve(t, (req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end(req.url === "/bomb" ? bomb : gzipSync(csv));
    });
    const options = { allowedPrivateHosts: [server.hostPort], maxBytes: CAP };
    const small = await fetchUrlBuffer(`${server.origin}/csv`, options);
    assert.equal(small.kind === "ok" && small.bytes.toString(), csv);
    assert.ok(bomb.length < CAP);
    await failure(fetchUrlBuffer(`${server.origin}/bomb`, options), "too-large");
  });

  test("a damaged or unknown encoding is a bad response", async (t) => {
    const server = await serve(t, (req, res) => {
      res.writeHead(200, { "content-encoding": req.url === "/compress" ? "compress" : "gzip" });
      res.end("this is not gzip");
    });
    const options = { allowedPrivateHosts: [server.hostPort] };
    const damaged = await failure(fetchUrlBuffer(`${server.origin}/gzip`, options), "bad-response");
    assert.equal(damaged.failure.kind === "bad-response" && damaged.failure.reason, "damaged-encoding");
    const unknown = await failure(fetchUrlBuffer(`${server.origin}/compress`, options), "bad-response");
    assert.deepEqual(unknown.failure, {
      kind: "bad-response",
      reason: "unsupported-encoding",
      detail: "compress",
    });
  });

  test("a body is read once; cancelling it closes the connection", async (t) => {
    const server = await serve(t, (_req, res) => {
      res.writeHead(200);
      res.write("start");
    });
    const result = await fetchUrl(`${server.origin}/`, { allowedPrivateHosts: [server.hostPort] });
    assert.ok(result.kind === "ok");
    result.body.cancel();
    await server.closed;
    const again = await fetchUrl(`${server.origin}/`, { allowedPrivateHosts: [server.hostPort] });
    assert.ok(again.kind === "ok");
    const iterator = again.body[Symbol.asyncIterator]();
    assert.equal(Buffer.from((await iterator.next()).value as Uint8Array).toString(), "start");
    await assert.rejects(readBody(again.body), /already been read/);
    await iterator.return?.();
  });
});

describe("https goes through the same checks", () => {
  test("an https literal inside the network is refused before any TLS", async (t) => {
    const server = await serve(t, text("hej"), true);
    await failure(fetchUrl(`${server.origin}/`, { ca: TEST_TLS_CERT }), "forbidden-address");
    assert.equal(server.connections, 0);
  });

  test("an allowed https server is fetched with the certificate checked", async (t) => {
    const server = await serve(t, text("säkert"), true);
    const result = await fetchUrlBuffer(`${server.origin}/`, {
      allowedPrivateHosts: [server.hostPort],
      ca: TEST_TLS_CERT,
    });
    assert.equal(result.kind === "ok" && result.bytes.toString(), "säkert");
  });

  test("a name pinned to its checked address still sends that name as SNI and Host, and verifies it", async (t) => {
    const server = await serve(t, text("via namn"), true);
    const resolve = fixedDns({ "data.kommun.test": ["127.0.0.1"], "fel.kommun.test": ["127.0.0.1"] });
    const options: FetchOptions = {
      allowedPrivateHosts: [`data.kommun.test:${server.port}`, `fel.kommun.test:${server.port}`],
      resolve,
      ca: TEST_TLS_CERT,
    };
    const result = await fetchUrlBuffer(`https://data.kommun.test:${server.port}/x`, options);
    assert.equal(result.kind === "ok" && result.bytes.toString(), "via namn");
    assert.equal(server.seen[0]?.servername, "data.kommun.test");
    assert.equal(server.seen[0].headers.host, `data.kommun.test:${server.port}`);
    // The certificate does not name fel.kommun.test: the connection went to the right address,
    // and the name was still verified.
    const wrongName = await failure(fetchUrl(`https://fel.kommun.test:${server.port}/`, options), "tls");
    assert.deepEqual(wrongName.failure, {
      kind: "tls",
      hostname: "fel.kommun.test",
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
    });
  });

  test("an untrusted certificate, or http spoken on an https URL, is a TLS error", async (t) => {
    const server = await serve(t, text("hej"), true);
    const plain = await serve(t, text("hej"));
    const untrusted = await failure(
      fetchUrl(`${server.origin}/`, { allowedPrivateHosts: [server.hostPort] }),
      "tls",
    );
    assert.match(untrusted.text.sv, /certifikat/);
    await failure(
      fetchUrl(`https://${plain.hostPort}/`, { allowedPrivateHosts: [plain.hostPort], ca: TEST_TLS_CERT }),
      "tls",
    );
  });

  test("an https server redirecting into the network is refused", async (t) => {
    const server = await serve(t, redirectTo("http://169.254.169.254/latest/meta-data/"), true);
    await failure(
      fetchUrl(`${server.origin}/`, { allowedPrivateHosts: [server.hostPort], ca: TEST_TLS_CERT }),
      "forbidden-address",
    );
  });
});

test("a FetchError becomes a BAD_REQUEST AppError with the same message and its details", async () => {
  const error = await failure(fetchUrl("http://10.0.0.1/fil.csv"), "forbidden-address");
  const appError = fetchErrorToAppError(error);
  assert.ok(appError instanceof AppError);
  assert.equal(appError.code, "BAD_REQUEST");
  assert.deepEqual(appError.text, error.text);
  assert.equal(appError.cause, error);
  assert.deepEqual(appError.details, {
    kind: "forbidden-address",
    hostname: "10.0.0.1",
    address: { address: "10.0.0.1", version: 4, range: "private" },
    url: "http://10.0.0.1/fil.csv",
    requestedUrl: "http://10.0.0.1/fil.csv",
  });
});
