import { describe, expect, it } from "vitest";
import { readStream } from "./read-stream.js";

/** A stream of these chunks, and whether it was cancelled. */
function streamOf(chunks: readonly number[][]) {
  const state = { cancelled: false, pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[state.pulled++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(Uint8Array.from(chunk));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe("readStream", () => {
  it("joins every chunk in order", async () => {
    const { stream } = streamOf([[1, 2], [], [3], [4, 5, 6]]);
    expect(Array.from(await readStream(stream))).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await readStream(streamOf([]).stream)).length).toBe(0);
  });

  it("stops past the limit, cancels the stream and throws the error given", async () => {
    const exact = streamOf([[1, 2], [3]]);
    expect(Array.from(await readStream(exact.stream, 3))).toEqual([1, 2, 3]);
    const over = streamOf([[1, 2], [3, 4], [5]]);
    await expect(readStream(over.stream, 3, () => new Error("too large"))).rejects.toThrow("too large");
    expect(over.state.cancelled).toBe(true);
    await expect(readStream(streamOf([[1, 2, 3, 4]]).stream, 3)).rejects.toThrow(RangeError);
  });

  it("reads what the platform's DEFLATE writes back to the same bytes", async () => {
    const text = "a month sheet's XML, ".repeat(5000);
    const packed = await readStream(new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw")));
    expect(packed.length).toBeLessThan(text.length / 10);
    const unpacked = await readStream(new Blob([packed.slice()]).stream().pipeThrough(new DecompressionStream("deflate-raw")));
    expect(new TextDecoder().decode(unpacked)).toBe(text);
  });
});
