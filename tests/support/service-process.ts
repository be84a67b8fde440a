// Runs the real service (`src/main.ts`) or a worker (`src/cli/worker.ts`) as its own process, as
// production does, so a test can kill it, restart it and watch what it says.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) when it ends. */
  exited: Promise<number | string | null>;
  alive(): boolean;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Starts `entry` with the environment given on top of this one's; the service listens on a free port. */
export async function startProcess(entry: 'src/main.ts' | 'src/cli/worker.ts', env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  let running = true;
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => ((running = false), resolve(code ?? signal))));
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => out, exited, alive: () => running };
}

/** The /health status, or 0 when nothing answers. */
export const healthOf = (service: ServiceProcess) => fetch(`${service.url}/health`).then((r) => r.status, () => 0);
