import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "../core/index.ts";
import { isAllowedHost, parseAllowedHost, parseAllowedHosts } from "./allow-list.ts";

test("entries are host or host:port, written as the URL parser writes hostnames", () => {
  assert.deepEqual(parseAllowedHost("127.0.0.1:8080"), { hostname: "127.0.0.1", port: 8080 });
  assert.deepEqual(parseAllowedHost("Files.Kommun.TEST"), { hostname: "files.kommun.test", port: undefined });
  assert.deepEqual(parseAllowedHost(" localhost:3000 "), { hostname: "localhost", port: 3000 });
  assert.deepEqual(parseAllowedHost("[::1]:8080"), { hostname: "[::1]", port: 8080 });
  assert.deepEqual(parseAllowedHost("[::FFFF:127.0.0.1]"), { hostname: "[::ffff:7f00:1]", port: undefined });
  assert.deepEqual(parseAllowedHost("0x7f.1"), { hostname: "127.0.0.1", port: undefined });
  assert.deepEqual(parseAllowedHost("intern_server:80"), { hostname: "intern_server", port: 80 });
});

test("anything else is refused, naming the entry", () => {
  for (const entry of [
    "",
    "http://localhost",
    "localhost/",
    "evil.se@localhost",
    "::1",
    "[::1",
    "localhost:",
    "localhost:0",
    "localhost:65536",
    "localhost:123456",
    "-localhost",
    "[not-ipv6]",
    "host name",
  ]) {
    assert.throws(
      () => parseAllowedHost(entry),
      new RegExp(`"${entry.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`),
    );
  }
});

test("a URL matches by its hostname as written, and by port when the entry names one", () => {
  const list = parseAllowedHosts(["127.0.0.1:8080", "files.kommun.test", "localhost:80", "[::1]:8443"]);
  assert.ok(isAllowedHost(list, new URL("http://127.0.0.1:8080/x")));
  assert.ok(!isAllowedHost(list, new URL("http://127.0.0.1:8081/x")));
  assert.ok(!isAllowedHost(list, new URL("http://127.0.0.1/x")));
  assert.ok(isAllowedHost(list, new URL("http://FILES.kommun.test:1234/")));
  assert.ok(isAllowedHost(list, new URL("https://files.kommun.test/")));
  assert.ok(isAllowedHost(list, new URL("http://localhost/")), "port 80 is http's default");
  assert.ok(!isAllowedHost(list, new URL("https://localhost/")), "https defaults to 443");
  assert.ok(isAllowedHost(list, new URL("https://[::1]:8443/")));
  // Names, not addresses: other spellings of the same address are other hosts.
  assert.ok(!isAllowedHost(list, new URL("http://[::ffff:127.0.0.1]:8080/")));
  assert.ok(!isAllowedHost(list, new URL("http://127.0.0.2:8080/")));
  assert.ok(!isAllowedHost(list, new URL("http://other.kommun.test/")));
  assert.ok(!isAllowedHost(list, new URL("http://files.kommun.test.evil.se/")));
  // The URL parser normalises numeric forms first, so they match the dotted entry.
  assert.ok(isAllowedHost(list, new URL("http://2130706433:8080/")));
});

test("ALLOWED_PRIVATE_HOSTS is read as a comma-separated list, and accepts exactly what the fetcher does", () => {
  assert.deepEqual(loadConfig({}).allowedPrivateHosts, []);
  assert.deepEqual(loadConfig({ ALLOWED_PRIVATE_HOSTS: "" }).allowedPrivateHosts, []);
  assert.deepEqual(
    loadConfig({ ALLOWED_PRIVATE_HOSTS: " files.kommun.test , 127.0.0.1:8080,,[::1]:8443 " })
      .allowedPrivateHosts,
    ["files.kommun.test", "127.0.0.1:8080", "[::1]:8443"],
  );
  assert.throws(
    () => loadConfig({ ALLOWED_PRIVATE_HOSTS: "localhost,http://intern/" }),
    /ALLOWED_PRIVATE_HOSTS\.1: "http:\/\/intern\/" is not host or host:port/,
  );
  for (const entry of [
    "localhost",
    "localhost:8080",
    "[::1]:8443",
    "[1.2.3.4]",
    "[::1::2]",
    "999.1.1.1",
    "0x7f.1",
    "a..b",
    "xn--lnkping-d1a.se",
    "localhost:0",
    "localhost:65535",
    "localhost:65536",
    "evil.se@localhost",
    "::1",
  ]) {
    let net = true;
    try {
      parseAllowedHost(entry);
    } catch {
      net = false;
    }
    let config = true;
    try {
      loadConfig({ ALLOWED_PRIVATE_HOSTS: entry });
    } catch {
      config = false;
    }
    assert.equal(config, net, entry);
  }
});
