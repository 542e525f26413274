/**
 * Everything a stream of bytes gives, in one array, in Node and in browsers. (`new Response(stream)
 * .arrayBuffer()` does the same, but its first use in Node loads Node's whole fetch implementation:
 * 20-30 ms of an `export`.) Past `limit` bytes the stream is cancelled and `tooLarge()` thrown.
 * @example await readStream(new Blob([new Uint8Array([1, 2])]).stream()) // Uint8Array [1, 2]
 */
export async function readStream(stream: ReadableStream<Uint8Array>, limit = Number.POSITIVE_INFINITY, tooLarge?: () => Error): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge ? tooLarge() : new RangeError(`the stream gives more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
