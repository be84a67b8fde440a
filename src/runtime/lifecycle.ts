// How a process of the service ends: on SIGTERM or SIGINT it closes what it started, the last first
// (the HTTP server before the queues, the database last), finishes what it holds and exits 0, within a deadline after which it exits 1 anyway (an orchestrator's kill comes next);
// an error nobody caught is logged as one structured line and ends the process the same way, for its
// supervisor to start it again.
import type { Logger } from '../logging/logger.ts';

/** What a process started, to close when it ends; named so a slow one can be named in the log. */
export interface Closer {
  name: string;
  close(): Promise<unknown>;
}

export interface LifecycleOptions {
  logger: Logger;
  /** What the process started, in the order it started them. */
  closers: readonly Closer[];
  deadlineMs: number;
  /** The process to watch; this one by default (a test passes its own emitter). */
  host?: Pick<NodeJS.Process, 'once' | 'on'>;
  exit?: (code: number) => void;
}

/** Installs the handlers; returns `shutdown` for a fatal condition found by the process itself. */
export function manageLifecycle(options: LifecycleOptions): (reason: string, code?: number) => Promise<void> {
  const host = options.host ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let ending: Promise<void> | undefined;
  const shutdown = (reason: string, code = 0): Promise<void> => {
    ending ??= (async () => {
      options.logger.info({ reason, deadlineMs: options.deadlineMs }, 'stopping');
      let closing = '';
      const deadline = setTimeout(() => {
        options.logger.error({ reason, deadlineMs: options.deadlineMs, stuck: closing }, 'shutdown took too long; exiting now');
        exit(1);
      }, options.deadlineMs);
      deadline.unref();
      try {
        for (const closer of [...options.closers].reverse()) {
          closing = closer.name;
          await closer.close();
        }
        // The last line of a clean end, and the only one that says so (log collectors look for it).
        options.logger.info({ reason }, 'finished shutting down');
        exit(code);
      } catch (err) {
        options.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'shutdown failed');
        exit(1);
      } finally {
        clearTimeout(deadline);
      }
    })();
    return ending;
  };
  host.once('SIGTERM', () => void shutdown('SIGTERM'));
  host.once('SIGINT', () => void shutdown('SIGINT'));
  const fatal = (kind: string) => (err: unknown) => {
    options.logger.fatal({ kind, err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, 'unexpected error; stopping');
    void shutdown(kind, 1);
  };
  host.on('unhandledRejection', fatal('unhandledRejection'));
  host.on('uncaughtException', fatal('uncaughtException'));
  return shutdown;
}
