// A TCP hop in front of Postgres or Redis that a test can cut and restore, as a network that drops
// or a server that restarts would, or slow a request on its way to the server, as a loaded network or
// host would, without touching the real server other test files use.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Ends every connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again (on the same port). */
  restore(): Promise<void>;
  /** Holds back the next chunk a client sends (a request) by `ms`; answers still come back at once. */
  delayNextRequest(ms: number): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, options: { listening?: boolean; port?: number } = {}): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = options.port ?? 0;
  let nextDelayMs = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        upstream.pipe(client);
        // A chunk never overtakes the one before it, even when the delay shrinks in between.
        let lastRelease = 0;
        client.on('data', (chunk) => {
          const release = Math.max(lastRelease, performance.now() + nextDelayMs);
          nextDelayMs = 0;
          lastRelease = release;
          const wait = release - performance.now();
          if (wait <= 0) upstream.write(chunk);
          else setTimeout(() => upstream.write(chunk), wait);
        });
        client.on('end', () => setTimeout(() => upstream.end(), Math.max(0, lastRelease - performance.now())));
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        port = typeof address === 'object' && address ? address.port : port;
        resolve();
      });
    });
  const stop = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  };
  if (options.listening !== false) await listen();
  else {
    // Reserve a port that nothing listens on yet.
    await listen();
    await stop();
  }
  return {
    get port() {
      return port;
    },
    cut: stop,
    restore: listen,
    delayNextRequest(ms) {
      nextDelayMs = ms;
    },
    close: stop,
  };
}
