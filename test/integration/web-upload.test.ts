// The validation page's upload is read as a stream: a 100 MB file goes through the form with no
// more memory than the same file sent to the streaming API, and its report counts every row.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

const BOUNDARY = "----dvupload";
const HEADER =
  "source;id;name;description;latitude;longitude;water_type;shore;eu_bath;toilet;accessible;updated\n";
const ROW = (i: number) =>
  `0580;B${i};Bad ${i};Badplats vid sjön;58,41;15,62;sjo;sand;nej;ja;ja;2026-06-01\n`;
const ROWS = 1_250_000;

function* csv(): Generator<Uint8Array> {
  yield Buffer.from(HEADER);
  let chunk = "";
  for (let i = 1; i <= ROWS; i++) {
    chunk += ROW(i);
    if (chunk.length > 64 * 1024) {
      yield Buffer.from(chunk);
      chunk = "";
    }
  }
  yield Buffer.from(chunk);
}

function* multipart(): Generator<Uint8Array> {
  yield Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="spec"\r\n\r\nbadplatser\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="stor.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\n`,
  );
  yield* csv();
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}

/** Posts the parts as a chunked stream; the peak growth of the process's buffers meanwhile. */
async function post(url: string, type: string, parts: Generator<Uint8Array>) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.next();
      if (next.done === true) controller.close();
      else {
        sent += next.value.byteLength;
        controller.enqueue(next.value);
      }
    },
  });
  // Buffers live outside the JS heap, in arrayBuffers: a body held whole would show there.
  const start = process.memoryUsage().arrayBuffers;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 10);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": type },
      body,
      duplex: "half",
    } as RequestInit);
    return { status: response.status, text: await response.text(), sent, grewMb: (peak - start) / 1e6 };
  } finally {
    clearInterval(sampler);
  }
}

describe("the validation page's upload", () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform.close());

  test("a 100 MB file through the form needs no more memory than through the streaming API", async () => {
    const api = await post(`${platform.url}/api/v1/validate?spec=badplatser`, "text/csv", csv());
    assert.equal(api.status, 200);
    const web = await post(
      `${platform.url}/validate`,
      `multipart/form-data; boundary=${BOUNDARY}`,
      multipart(),
    );
    assert.equal(web.status, 200, web.text.slice(0, 300));
    assert.ok(/<dt>Rader<\/dt><dd>1.250.000<\/dd>/u.test(web.text), "the report counts 1,250,000 rows");
    assert.ok(web.sent > 100e6, `sent ${web.sent} bytes`);
    // Held whole, the form's body would add its 100 MB on top of what the streaming API needs.
    assert.ok(
      web.grewMb < api.grewMb + 50,
      `buffers grew by ${web.grewMb.toFixed(0)} MB for the form, ${api.grewMb.toFixed(0)} MB for the API`,
    );
  });
});
