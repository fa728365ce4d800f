import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const FIXTURE = path.join(__dirname, 'support/log-lines.ts');

interface Run {
  child: ChildProcess;
  output: () => string;
  /** When the fixture said it had logged its line. */
  loggedAt: () => number | undefined;
}

function start(mode: 'exit' | 'stay'): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let loggedAt: number | undefined;
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    if (String(chunk).includes('logged')) loggedAt ??= Date.now();
  });
  return { child, output: () => output, loggedAt: () => loggedAt };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe('Log lines on standard output (written in chunks)', () => {
  it('When a process exits right after logging, then the line is still written', async () => {
    const { child, output } = start('exit');

    const code = await new Promise((resolve) => child.once('exit', resolve));

    expect(code).toBe(0);
    expect(JSON.parse(output().trim())).toMatchObject({ msg: 'first line', order: 1, service: 'log-lines-fixture' });
  });

  it('When a quiet process logs one line, then it appears soon (flushed every 250 ms), not when a 4 KB chunk fills', async () => {
    const { child, output, loggedAt } = start('stay');
    try {
      expect(await until(() => loggedAt() !== undefined, 30_000)).toBe(true);
      // 250 ms by design; the rest is room for a busy machine. Without the flush it would never come.
      expect(await until(() => output().includes('first line'), 2_000)).toBe(true);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
    }
  });
});
