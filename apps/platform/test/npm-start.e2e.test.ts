import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { DEMO_BUYER, DEMO_PASSWORD } from '../src/demo/demo-accounts';
import { ShopClient } from '../src/demo/shop-client';

// What a newcomer does: `npm start` with nothing configured, then `npm run demo`, then Ctrl+C; and
// the next `npm start` finds everything where it was left (data folder), without seeding again.
// The port is moved (GATEWAY_PORT), as on a machine where 3000 is taken, and the demo follows it.
const ROOT = path.resolve(__dirname, '../../..');
const GATEWAY_PORT = 3800;
const GATEWAY_URL = `http://127.0.0.1:${GATEWAY_PORT}`;
const BANNER_END = 'Ctrl+C stops it cleanly';
/** What a newcomer reads as "something is wrong": a warn/error log line, npm's or Node's warnings. */
const WARNING = /"level":"(warn|error|fatal)"|^npm (warn|error)|\bWarning:|^\(node:\d+\)/i;
const warningsIn = (output: string) => output.split('\n').filter((line) => WARNING.test(line));

interface Run {
  child: ChildProcess;
  output: () => string;
  /** The exit code, or the signal that ended it (npm re-raises Ctrl+C's SIGINT once its script stopped). */
  exited: Promise<number | string | null>;
  /** Ctrl+C the way a terminal sends it: SIGINT to the whole foreground process group. */
  ctrlC: () => void;
}

/**
 * A clean environment: only what finds node and npm, plus the knobs this test needs. At a
 * `terminal`, npm gets a pseudo-terminal (util-linux `script`), as in a person's shell.
 */
function npm(args: string[], env: Record<string, string>, { terminal = false } = {}): Run {
  const [command, commandArgs] = terminal ? ['script', ['-qfec', `npm ${args.join(' ')}`, '/dev/null']] : ['npm', args];
  const child = spawn(command, commandArgs, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: [terminal ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    // Its own process group, so Ctrl+C can be sent to the whole group, as a terminal does.
    detached: true,
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output += stripVTControlCharacters(String(chunk)).replaceAll('\r\n', '\n');
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  const ctrlC = terminal ? () => void child.stdin?.write('\x03') : () => process.kill(-(child.pid as number), 'SIGINT');
  return { child, output: () => output, exited, ctrlC };
}

async function waitForOutput(run: Run, text: string, timeoutMs: number, { orExit = true } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if ((orExit && !isRunning(run)) || Date.now() > deadline)
      throw new Error(`"${text}" never appeared; output so far:\n${run.output().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const isRunning = (run: Run) => run.child.exitCode === null && run.child.signalCode === null;

/**
 * Ctrl+C reaches npm and the platform together; npm may exit before the platform has finished
 * draining (as at a terminal), so the platform's own last line is what says it stopped cleanly.
 */
async function stopWithCtrlC(run: Run): Promise<number | string | null> {
  run.ctrlC();
  await waitForOutput(run, '[platform] stopped', 60_000, { orExit: false });
  return run.exited;
}

describe('npm start on a fresh machine (embedded default) and npm run demo', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sneakers-data-'));
  const startEnv = { SNEAKERS_DATA_DIR: dataDir, GATEWAY_PORT: String(GATEWAY_PORT) };
  let platform: Run | undefined;

  afterEach(async () => {
    if (platform && isRunning(platform)) await stopWithCtrlC(platform);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /docs, seeds the demo, and a full purchase completes; Ctrl+C stops it cleanly', async () => {
    platform = npm(['start'], startEnv);
    await waitForOutput(platform, BANNER_END, 240_000);
    expect(platform.output()).toContain('[platform] demo data seeded');
    expect(platform.output()).toContain(`API docs      ${GATEWAY_URL}/docs`);

    // The command the banner prints, as typed in another terminal: no GATEWAY_URL, only the port.
    expect(platform.output()).toContain(`GATEWAY_PORT=${GATEWAY_PORT} npm run demo`);
    const demo = npm(['run', 'demo'], { GATEWAY_PORT: String(GATEWAY_PORT) });
    expect(await demo.exited).toBe(0);
    expect(demo.output()).toContain(`demo against ${GATEWAY_URL}`);
    expect(demo.output()).toContain('8. Order PAID');
    expect(demo.output()).toMatch(/PAID\s+PAID/); // the timeline's last step
    expect(warningsIn(demo.output())).toEqual([]);

    const docs = await fetch(`${GATEWAY_URL}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
    const popular = await new ShopClient(GATEWAY_URL).get('/products/popular');
    expect(popular.items).toHaveLength(5);

    expect([0, 'SIGINT']).toContain(await stopWithCtrlC(platform));
    expect(platform.output()).toContain('[platform] stopped');
    expect(platform.output()).not.toMatch(/failed to stop cleanly|failed to start/);

    // The terminal as the newcomer saw it, its first 200 lines: start-up and seeding are quiet, the
    // banner is the last thing before the demo's requests, and each of those is one line (the
    // gateway's: the services' own would repeat it).
    const lines = platform.output().split('\n').slice(0, 200);
    expect(warningsIn(lines.join('\n'))).toEqual([]);
    const bannerEnd = lines.findIndex((line) => line.includes(BANNER_END));
    const firstRequest = lines.findIndex((line) => line.includes('"req":'));
    expect(bannerEnd).toBeGreaterThan(0);
    expect(firstRequest).toBeGreaterThan(bannerEnd);
    expect(lines.slice(bannerEnd + 1, firstRequest).filter((line) => line.trim())).toEqual([]);
    expect(lines[firstRequest]).toContain('"msg":"POST /auth/login 200"');
    expect(lines.filter((line) => line.includes('"msg":"POST /wallet/charges 201"'))).toHaveLength(1);
  }, 420_000);

  it('starts again on the same data folder, at a terminal: nothing lost, nothing seeded twice, readable lines', async () => {
    platform = npm(['start'], startEnv, { terminal: true });
    await waitForOutput(platform, BANNER_END, 240_000);
    expect(platform.output()).toContain('demo data already there');

    const buyer = await new ShopClient(GATEWAY_URL).signIn(DEMO_BUYER.email, DEMO_PASSWORD);
    const orders = await buyer.get('/orders');
    expect(orders.items.map((o: { status: string }) => o.status)).toEqual(['PAID']);
    expect((await buyer.get('/wallet')).balance).toBeLessThan(DEMO_BUYER.balance + 300_000);
    await waitForOutput(platform, 'INFO (gateway): GET /wallet 200', 10_000);

    // Through `script`, npm ended by Ctrl+C comes back as its shell's 130 (128 + SIGINT).
    expect([0, 'SIGINT', 130]).toContain(await stopWithCtrlC(platform));
    expect(platform.output()).toContain('[platform] stopped');
    expect(platform.output()).toContain('INFO (gateway): POST /auth/login 200');
    expect(platform.output()).not.toContain('{"level"');
  }, 420_000);
});
