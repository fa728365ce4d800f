import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_BUYER, DEMO_PASSWORD } from '../src/demo/demo-accounts';
import { ShopClient } from '../src/demo/shop-client';

// What a newcomer does: `npm start` with nothing configured, then `npm run demo`, then Ctrl+C; and
// the next `npm start` finds everything where it was left (data folder), without seeding again.
const ROOT = path.resolve(__dirname, '../../..');
const GATEWAY_PORT = 3800;
const GATEWAY_URL = `http://127.0.0.1:${GATEWAY_PORT}`;

interface Run {
  child: ChildProcess;
  output: () => string;
  /** The exit code, or the signal that ended it (npm re-raises Ctrl+C's SIGINT once its script stopped). */
  exited: Promise<number | string | null>;
}

/** A clean environment: only what finds node and npm, plus the two knobs this test needs. */
function npm(args: string[], env: Record<string, string>): Run {
  const child = spawn('npm', args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so Ctrl+C can be sent the way a terminal sends it: to the whole group.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, output: () => output, exited };
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
  process.kill(-(run.child.pid as number), 'SIGINT');
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
    await waitForOutput(platform, 'Ctrl+C stops it cleanly', 240_000);
    expect(platform.output()).toContain('[platform] demo data seeded');
    expect(platform.output()).toContain(`API docs      ${GATEWAY_URL}/docs`);
    const docs = await fetch(`${GATEWAY_URL}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');

    const popular = await new ShopClient(GATEWAY_URL).get('/products/popular');
    expect(popular.items).toHaveLength(5);

    const demo = npm(['run', 'demo'], { GATEWAY_URL });
    expect(await demo.exited).toBe(0);
    expect(demo.output()).toContain('8. Order PAID');
    expect(demo.output()).toMatch(/PAID\s+PAID/); // the timeline's last step

    expect([0, 'SIGINT']).toContain(await stopWithCtrlC(platform));
    expect(platform.output()).toContain('[platform] stopped');
    expect(platform.output()).not.toMatch(/failed to stop cleanly|failed to start/);
  }, 420_000);

  it('starts again on the same data folder: nothing lost, nothing seeded twice', async () => {
    platform = npm(['start'], startEnv);
    await waitForOutput(platform, 'Ctrl+C stops it cleanly', 240_000);
    expect(platform.output()).toContain('demo data already there');

    const buyer = await new ShopClient(GATEWAY_URL).signIn(DEMO_BUYER.email, DEMO_PASSWORD);
    const orders = await buyer.get('/orders');
    expect(orders.items.map((o: { status: string }) => o.status)).toEqual(['PAID']);
    expect((await buyer.get('/wallet')).balance).toBeLessThan(DEMO_BUYER.balance + 300_000);

    expect([0, 'SIGINT']).toContain(await stopWithCtrlC(platform));
    expect(platform.output()).toContain('[platform] stopped');
  }, 420_000);
});
