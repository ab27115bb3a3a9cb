import { SaxesParser } from "saxes";
import { XlsxStopError } from "./xlsx-zip.ts";

/** Receives one part's XML as events; names come without their namespace prefix. */
export interface XmlHandler<T> {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
  /** What the handler collected since the last call, handed on after each chunk. */
  take(): T;
}

export interface XmlLimits {
  /** The part's name, for messages. */
  readonly part: string;
  /** The most characters one text, tag or comment may have. */
  readonly maxTokenChars: number;
}

/** Spreadsheet XML is a few levels deep; a deeper document is crafted. */
const MAX_XML_DEPTH = 128;
/** Cells have three or four attributes; thousands on one tag are crafted. */
const MAX_ATTRIBUTES = 256;

/**
 * Parses one part's bytes with saxes, a chunk at a time, and yields `handler.take()` after each
 * chunk so the caller can hand rows on while the part is still being read. Saxes keeps a text, a
 * tag or a comment whole until it ends, so the characters between two events are capped, as are
 * nesting and attributes: memory stays bounded whatever the part holds.
 */
export async function* parseXml<T>(
  chunks: AsyncIterable<Uint8Array>,
  handler: XmlHandler<T>,
  limits: XmlLimits,
): AsyncGenerator<T, void, undefined> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const tooComplex = (): XlsxStopError =>
    new XlsxStopError({
      kind: "xml-too-complex",
      part: limits.part,
      maxChars: limits.maxTokenChars,
      maxDepth: MAX_XML_DEPTH,
    });
  let sinceEvent = 0;
  let depth = 0;
  let attributes = 0;
  parser.on("opentagstart", () => {
    attributes = 0;
  });
  parser.on("attribute", () => {
    if (++attributes > MAX_ATTRIBUTES) throw tooComplex();
  });
  parser.on("opentag", (tag) => {
    sinceEvent = 0;
    if (++depth > MAX_XML_DEPTH) throw tooComplex();
    handler.open(localName(tag.name), tag.attributes);
  });
  parser.on("closetag", (tag) => {
    sinceEvent = 0;
    depth--;
    handler.close(localName(tag.name));
  });
  parser.on("text", (text) => {
    sinceEvent = 0;
    handler.text(text);
  });
  parser.on("cdata", (text) => {
    sinceEvent = 0;
    handler.text(text);
  });
  let decoder: TextDecoder | undefined;
  for await (const chunk of chunks) {
    decoder ??= new TextDecoder(encodingOf(chunk));
    const text = decoder.decode(chunk, { stream: true });
    parser.write(text);
    // Counted after the write: an event part way resets the count, so this overcounts by a chunk at most.
    sinceEvent += text.length;
    if (sinceEvent > limits.maxTokenChars) throw tooComplex();
    yield handler.take();
  }
  parser.write(decoder?.decode() ?? "");
  parser.close();
  yield handler.take();
}

/** Runs a part through its handler to the end, for parts whose result is read afterwards. */
export async function readXml(
  chunks: AsyncIterable<Uint8Array>,
  handler: XmlHandler<void>,
  limits: XmlLimits,
): Promise<void> {
  const events = parseXml(chunks, handler, limits);
  while ((await events.next()).done !== true);
}

/** An attribute by its local name: `r:id` is found as "id" whatever the prefix. */
export function attribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  const value = attributes[name];
  if (value !== undefined) return value;
  const suffix = `:${name}`;
  for (const key in attributes) {
    if (key.endsWith(suffix) && !key.startsWith("xmlns:")) return attributes[key];
  }
  return undefined;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Parts are UTF-8; a byte order mark says UTF-16, which the package format also allows. */
function encodingOf(first: Uint8Array): string {
  if (first[0] === 0xff && first[1] === 0xfe) return "utf-16le";
  if (first[0] === 0xfe && first[1] === 0xff) return "utf-16be";
  return "utf-8";
}
