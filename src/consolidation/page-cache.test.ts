import assert from "node:assert/strict";
import { test } from "node:test";
import { PageCache, type RenderedPage } from "./page-cache.ts";

const page = (bytes: number): RenderedPage => ({ body: new Uint8Array(bytes), total: 0, next: null });

test("the page cache keeps at most its bytes and lets the least recently used go first", () => {
  const cache = new PageCache(3 * 101);
  cache.set("a", page(100));
  cache.set("b", page(100));
  cache.set("c", page(100));
  assert.equal(cache.count, 3);
  assert.ok(cache.get("a") !== undefined, "a is now the most recently used");
  cache.set("d", page(100));
  assert.equal(cache.get("b"), undefined, "b was the least recently used");
  assert.ok(cache.get("a") !== undefined && cache.get("c") !== undefined && cache.get("d") !== undefined);
  assert.ok(cache.size <= 3 * 101);
});

test("a page larger than the whole cache is not kept, and a replaced page is not counted twice", () => {
  const cache = new PageCache(1000);
  cache.set("huge", page(2000));
  assert.equal(cache.get("huge"), undefined);
  assert.equal(cache.size, 0);
  cache.set("x", page(400));
  cache.set("x", page(500));
  assert.equal(cache.size, 501);
  assert.equal(cache.get("x")?.body.byteLength, 500);
});
