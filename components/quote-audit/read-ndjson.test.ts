import { describe, expect, it } from "vitest";
import { readNdjson } from "./read-ndjson";

function streamed(chunks: Uint8Array[]): Response {
  return new Response(
    new ReadableStream({
      start(c) {
        for (const chunk of chunks) c.enqueue(chunk);
        c.close();
      },
    }),
  );
}

describe("readNdjson", () => {
  it("hands over each line as it completes, whatever the chunking, multi-byte characters included", async () => {
    const bytes = new TextEncoder().encode('{"a":"“Think about us”"}\n\n{"b":2}\n{"c":"👍"}');
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
      const lines: unknown[] = [];
      await readNdjson(streamed(chunks), (line) => lines.push(line));
      expect(lines).toEqual([{ a: "“Think about us”" }, { b: 2 }, { c: "👍" }]);
    }
  });
});
