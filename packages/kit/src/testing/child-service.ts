import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/** Starts a workspace's `src/main.ts` in its own process (as in production) and waits for readiness. */
export async function startService(
  workspace: string,
  env: Record<string, string>,
  readyUrl: string,
): Promise<{ pid: number; stop: () => Promise<void> }> {
  // Node refuses profiling flags in NODE_OPTIONS; SERVICE_NODE_FLAGS passes them (e.g. `--cpu-prof
  // --cpu-prof-dir=/tmp/prof`, to profile every service under a bench).
  const flags = process.env.SERVICE_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...flags, '--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(ROOT, workspace),
    env: { ...process.env, LOG_LEVEL: 'warn', OTEL_TRACES_EXPORTER: 'none', OTEL_METRICS_EXPORTER: 'none', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${workspace} exited with ${child.exitCode}`);
    const ready = await fetch(readyUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${workspace} not ready at ${readyUrl}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve(); // already gone, e.g. killed by a test
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
