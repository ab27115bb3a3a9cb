import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { classifyAddress, isPublicAddress, parseIPv4, parseIPv6, type AddressRange } from "./address.ts";

function expectRanges(cases: readonly (readonly [string, AddressRange])[]): void {
  for (const [address, range] of cases) {
    assert.equal(classifyAddress(address)?.range, range, address);
    assert.equal(isPublicAddress(address), range === "public", address);
  }
}

describe("IPv4 ranges, at both edges and just outside", () => {
  test("unspecified (0.0.0.0/8) and broadcast", () => {
    expectRanges([
      ["0.0.0.0", "unspecified"],
      ["0.255.255.255", "unspecified"],
      ["1.0.0.0", "public"],
      ["255.255.255.255", "broadcast"],
      ["255.255.255.254", "reserved"],
    ]);
  });

  test("private (RFC 1918)", () => {
    expectRanges([
      ["9.255.255.255", "public"],
      ["10.0.0.0", "private"],
      ["10.0.0.1", "private"],
      ["10.255.255.255", "private"],
      ["11.0.0.0", "public"],
      ["172.15.255.255", "public"],
      ["172.16.0.0", "private"],
      ["172.31.255.255", "private"],
      ["172.32.0.0", "public"],
      ["192.167.255.255", "public"],
      ["192.168.0.0", "private"],
      ["192.168.1.1", "private"],
      ["192.168.255.255", "private"],
      ["192.169.0.0", "public"],
    ]);
  });

  test("CGNAT shared space (100.64.0.0/10)", () => {
    expectRanges([
      ["100.63.255.255", "public"],
      ["100.64.0.0", "shared"],
      ["100.127.255.255", "shared"],
      ["100.128.0.0", "public"],
    ]);
  });

  test("loopback (127.0.0.0/8)", () => {
    expectRanges([
      ["126.255.255.255", "public"],
      ["127.0.0.0", "loopback"],
      ["127.0.0.1", "loopback"],
      ["127.255.255.255", "loopback"],
      ["128.0.0.0", "public"],
    ]);
  });

  test("link-local (169.254.0.0/16), the cloud metadata service among them", () => {
    expectRanges([
      ["169.253.255.255", "public"],
      ["169.254.0.0", "link-local"],
      ["169.254.169.254", "link-local"],
      ["169.254.255.255", "link-local"],
      ["169.255.0.0", "public"],
    ]);
  });

  test("IETF protocol assignments, 6to4 relay, documentation and benchmarking", () => {
    expectRanges([
      ["191.255.255.255", "public"],
      ["192.0.0.0", "reserved"],
      ["192.0.0.255", "reserved"],
      ["192.0.1.0", "public"],
      ["192.0.2.0", "documentation"],
      ["192.0.2.255", "documentation"],
      ["192.0.3.0", "public"],
      ["192.88.98.255", "public"],
      ["192.88.99.0", "reserved"],
      ["192.88.99.255", "reserved"],
      ["192.88.100.0", "public"],
      ["198.17.255.255", "public"],
      ["198.18.0.0", "benchmarking"],
      ["198.19.255.255", "benchmarking"],
      ["198.20.0.0", "public"],
      ["198.51.99.255", "public"],
      ["198.51.100.0", "documentation"],
      ["198.51.100.255", "documentation"],
      ["198.51.101.0", "public"],
      ["203.0.112.255", "public"],
      ["203.0.113.0", "documentation"],
      ["203.0.113.255", "documentation"],
      ["203.0.114.0", "public"],
    ]);
  });

  test("multicast (224.0.0.0/4) and future use (240.0.0.0/4)", () => {
    expectRanges([
      ["223.255.255.255", "public"],
      ["224.0.0.0", "multicast"],
      ["224.0.0.1", "multicast"],
      ["239.255.255.255", "multicast"],
      ["240.0.0.0", "reserved"],
      ["250.1.2.3", "reserved"],
    ]);
  });

  test("ordinary internet addresses are public", () => {
    expectRanges([
      ["8.8.8.8", "public"],
      ["1.1.1.1", "public"],
      ["93.184.216.34", "public"],
      ["194.71.11.69", "public"],
      ["100.63.0.1", "public"],
    ]);
  });

  test("only a strict dotted quad is an IPv4 address", () => {
    assert.equal(parseIPv4("127.0.0.1"), 0x7f000001);
    assert.equal(parseIPv4("255.255.255.255"), 0xffffffff);
    for (const text of [
      "",
      "1.2.3",
      "1.2.3.4.5",
      "256.0.0.1",
      "01.2.3.4",
      "0x7f.0.0.1",
      "2130706433",
      "017700000001",
      "127.1",
      "1.2.3.-1",
      " 1.2.3.4",
      "1.2.3.4 ",
      "1..2.3",
      "localhost",
    ]) {
      assert.equal(parseIPv4(text), undefined, text);
      // Not an address at all, so never public: the fetcher refuses what it cannot classify.
      assert.equal(isPublicAddress(text), false, text);
    }
  });
});

describe("IPv6 ranges", () => {
  test("unspecified and loopback, in every spelling", () => {
    expectRanges([
      ["::", "unspecified"],
      ["::0", "unspecified"],
      ["0:0:0:0:0:0:0:0", "unspecified"],
      ["::1", "loopback"],
      ["0:0:0:0:0:0:0:1", "loopback"],
      ["0000:0000:0000:0000:0000:0000:0000:0001", "loopback"],
    ]);
  });

  test("IPv4-mapped addresses are as private as the IPv4 address they carry", () => {
    expectRanges([
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["::FFFF:7F00:0001", "loopback"],
      ["0:0:0:0:0:ffff:7f00:1", "loopback"],
      ["::ffff:10.0.0.1", "private"],
      ["::ffff:a00:1", "private"],
      ["::ffff:169.254.169.254", "link-local"],
      ["::ffff:a9fe:a9fe", "link-local"],
      ["::ffff:100.64.0.1", "shared"],
      ["::ffff:0.0.0.0", "unspecified"],
      ["::ffff:255.255.255.255", "broadcast"],
      ["::ffff:224.0.0.1", "multicast"],
      ["::ffff:8.8.8.8", "public"],
    ]);
    assert.deepEqual(classifyAddress("::ffff:7f00:1")?.embedded, { via: "ipv4-mapped", ipv4: "127.0.0.1" });
  });

  test("IPv4-compatible and IPv4-translated forms are refused, naming the private address they carry", () => {
    expectRanges([
      ["::127.0.0.1", "loopback"],
      ["::7f00:1", "loopback"],
      ["::10.0.0.1", "private"],
      ["::169.254.169.254", "link-local"],
      ["::2", "unspecified"],
      ["::8.8.8.8", "reserved"],
      ["::ffff:0:127.0.0.1", "loopback"],
      ["::ffff:0:8.8.8.8", "reserved"],
    ]);
    assert.deepEqual(classifyAddress("::127.0.0.1")?.embedded, { via: "ipv4-compatible", ipv4: "127.0.0.1" });
  });

  test("NAT64 (64:ff9b::/96) carries IPv4; the local-use NAT64 prefix is refused", () => {
    expectRanges([
      ["64:ff9b::127.0.0.1", "loopback"],
      ["64:ff9b::a00:1", "private"],
      ["64:ff9b::c0a8:101", "private"],
      ["64:ff9b::169.254.169.254", "link-local"],
      ["64:ff9b::8.8.8.8", "public"],
      ["64:ff9b::1:0:0", "reserved"],
      ["64:ff9b:1::1", "reserved"],
      ["64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff", "reserved"],
    ]);
    assert.deepEqual(classifyAddress("64:ff9b::a00:1")?.embedded, { via: "nat64", ipv4: "10.0.0.1" });
  });

  test("6to4 (2002::/16) carries IPv4 in its second and third groups", () => {
    expectRanges([
      ["2002:7f00:1::", "loopback"],
      ["2002:7f00:0001:ffff::1", "loopback"],
      ["2002:a00:1::1", "private"],
      ["2002:c0a8:101::1", "private"],
      ["2002:a9fe:a9fe::", "link-local"],
      ["2002:6440:1::", "shared"],
      ["2002:808:808::1", "public"],
    ]);
    assert.deepEqual(classifyAddress("2002:a9fe:a9fe::")?.embedded, { via: "6to4", ipv4: "169.254.169.254" });
  });

  test("unique local (fc00::/7), link-local (fe80::/10), site-local and multicast", () => {
    expectRanges([
      ["fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "reserved"],
      ["fc00::", "unique-local"],
      ["fd00::1", "unique-local"],
      ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unique-local"],
      ["fe00::", "reserved"],
      ["fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "reserved"],
      ["fe80::", "link-local"],
      ["fe80::1%eth0", "link-local"],
      ["febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "link-local"],
      ["fec0::1", "private"],
      ["feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "private"],
      ["ff00::", "multicast"],
      ["ff02::1", "multicast"],
      ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "multicast"],
    ]);
  });

  test("documentation, protocol assignments (Teredo among them) and everything outside 2000::/3", () => {
    expectRanges([
      ["2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", "public"],
      ["2001:db8::", "documentation"],
      ["2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "documentation"],
      ["2001:db9::", "public"],
      ["3ffe:ffff::1", "public"],
      ["3fff::1", "documentation"],
      ["3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", "documentation"],
      ["3fff:1000::", "public"],
      ["2001::", "reserved"],
      ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"],
      ["2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", "reserved"],
      ["2001:200::1", "public"],
      ["1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "reserved"],
      ["2000::", "public"],
      ["3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "public"],
      ["4000::", "reserved"],
      ["100::1", "reserved"],
      ["5f00::1", "reserved"],
    ]);
  });

  test("ordinary internet addresses are public", () => {
    expectRanges([
      ["2001:4860:4860::8888", "public"],
      ["2a00:1450:400f:80d::200e", "public"],
      ["2620:fe::fe", "public"],
      ["2001:6b0:e:2a::1", "public"],
    ]);
  });

  test("the IPv6 parser reads shorthand and dotted tails, and nothing else", () => {
    assert.deepEqual(parseIPv6("::"), [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(parseIPv6("1::"), [1, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(parseIPv6("1::8"), [1, 0, 0, 0, 0, 0, 0, 8]);
    assert.deepEqual(parseIPv6("1:2:3:4:5:6:7::"), [1, 2, 3, 4, 5, 6, 7, 0]);
    assert.deepEqual(parseIPv6("::2:3:4:5:6:7:8"), [0, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(parseIPv6("1:2:3:4:5:6:1.2.3.4"), [1, 2, 3, 4, 5, 6, 0x102, 0x304]);
    assert.deepEqual(parseIPv6("::1.2.3.4"), [0, 0, 0, 0, 0, 0, 0x102, 0x304]);
    assert.deepEqual(parseIPv6("::ffff:1.2.3.4"), [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    for (const text of [
      "",
      ":",
      ":::",
      ":::1",
      "1::2::3",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7::8",
      "12345::",
      "::g",
      "::1.2.3",
      "::256.1.1.1",
      "::1.2.3.4:5",
      "1:2:3:4:5:6:7:1.2.3.4",
      ":1.2.3.4",
      "fe80::1%",
      "[::1]",
      " ::1",
    ]) {
      assert.equal(parseIPv6(text), undefined, text);
      assert.equal(isPublicAddress(text), false, text);
    }
  });
});
