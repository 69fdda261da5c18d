import 'server-only';

// A cap on how much of a request body a route reads. Next hands a route handler the body as a stream
// and sets no limit of its own (its server-action limit does not apply to routes): a handler that
// calls request.json() reads whatever is sent, whole, into memory first.

/** A 413 answer in the shape of better-auth's errors (`code`, `message`), so clients read it alike. */
function tooLarge(maxBytes: number): Response {
  return Response.json(
    { code: 'PAYLOAD_TOO_LARGE', message: `request body over ${maxBytes} bytes` },
    { status: 413, headers: { 'Cache-Control': 'no-store', Connection: 'close' } },
  );
}

/**
 * Wraps a handler so that it sees the request's body only when it is at most `maxBytes`: a larger one
 * gets 413, by its Content-Length before anything is read, or else as soon as the bytes read pass the
 * cap, and the rest of the stream is cancelled, never read.
 */
export function withBodyLimit(
  maxBytes: number,
  handle: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!request.body) return handle(request);
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > maxBytes) {
      await request.body.cancel().catch(() => {});
      return tooLarge(maxBytes);
    }
    const reader = request.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge(maxBytes);
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return handle(
      new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal }),
    );
  };
}
