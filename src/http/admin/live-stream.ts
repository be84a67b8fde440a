// A server-sent event stream that reads something again every few seconds and sends it when its version
// moved (the approach of the capacity stream): no trigger or LISTEN connection, any process's change is
// seen. It ends when the reader gives undefined (the staff member was disabled or moved), after a lifetime
// (the browser's EventSource reconnects through authentication), or when the server closes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveCapacityTimings } from './capacity.routes.ts';

export interface LiveStream<T> {
  event: string;
  /** The current figures; undefined ends the stream. */
  read: () => Promise<T | undefined>;
  versionOf: (figures: T) => string;
  timings: LiveCapacityTimings;
  /** Where the stream registers its end, for the server's shutdown. */
  open: Set<() => void>;
}

/** Sends `first` at once, then each new version; the reply is hijacked. */
export function streamLive<T>(request: FastifyRequest, reply: FastifyReply, first: T, stream: LiveStream<T>): FastifyReply {
  const frame = (figures: T) => `event: ${stream.event}\nid: ${stream.versionOf(figures)}\ndata: ${JSON.stringify(figures)}\n\n`;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  raw.write(`retry: ${stream.timings.checkEveryMs}\n\n${frame(first)}`);
  let version = stream.versionOf(first);
  let checking = false;
  const check = setInterval(() => {
    if (checking) return;
    checking = true;
    stream
      .read()
      .then((figures) => {
        if (figures === undefined) return end();
        const next = stream.versionOf(figures);
        if (next === version) return;
        version = next;
        raw.write(frame(figures));
      })
      .catch((err: unknown) => request.log.warn({ err, event: stream.event }, 'live stream: reading failed; trying again'))
      .finally(() => (checking = false));
  }, stream.timings.checkEveryMs);
  const ping = setInterval(() => raw.write(': ping\n\n'), stream.timings.pingEveryMs);
  const lifetime = setTimeout(end, stream.timings.maxStreamMs ?? 60_000);
  function end() {
    clearInterval(check);
    clearInterval(ping);
    clearTimeout(lifetime);
    stream.open.delete(end);
    raw.end();
  }
  stream.open.add(end);
  request.raw.on('close', end);
  return reply;
}
