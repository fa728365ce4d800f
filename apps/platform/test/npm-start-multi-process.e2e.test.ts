import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PLATFORM_SERVICES, type PlatformService } from '@sneakers/contracts';
import { eventually, startBroker, stopBroker, testEnv } from '@sneakers/kit/testing';
import { servicePortOf } from '../src/gateway-address';
import { listeningSockets } from './support/listening-sockets';
import { descendantsOf, isRunning, workspaceProcesses } from './support/process-tree';

// `npm start` with KAFKA_BROKERS and REDIS_URL set: the gateway and the five services, each its own
// process. Kafka is a broker of this test's own; the databases are the ones `npm run db:setup`
// makes (sneakers_*), as on a developer's machine; GATEWAY_PORT moves the ports (3940–3945).
const ROOT = path.resolve(__dirname, '../../..');
const KAFKA_PORT = 19982;
const GATEWAY_PORT = 3940;
const GATEWAY_URL = `http://127.0.0.1:${GATEWAY_PORT}`;
const SERVICES = Object.keys(PLATFORM_SERVICES) as PlatformService[];
const ALL = ['gateway', ...SERVICES];
const KILLED: PlatformService = 'order-service';

const readyUrl = (name: string) =>
  name === 'gateway'
    ? `${GATEWAY_URL}/health/ready`
    : `http://127.0.0.1:${servicePortOf(GATEWAY_PORT, name as PlatformService)}/health/ready`;
/** The status of a GET, or why there was none. */
const ask = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.status,
    (error: Error) => error.message,
  );
const answers = async (url: string) => (await ask(url)) === 200;

describe('npm start on the real services (one process per service)', () => {
  let npm: ChildProcess | undefined;
  let output = '';
  const running = () => npm?.exitCode === null && npm.signalCode === null;
  const everyoneReady = () => {
    if (!running()) throw new Error(`npm start ended; its output:\n${output.slice(-4000)}`);
    return Promise.all(ALL.map((name) => answers(readyUrl(name))));
  };

  beforeAll(() => startBroker({ port: KAFKA_PORT, fresh: true }), 180_000);
  afterAll(async () => {
    // A failed run leaves nothing behind: the services run in process groups of their own.
    if (npm?.pid && running()) for (const pid of [...descendantsOf(npm.pid), npm.pid]) process.kill(pid, 'SIGKILL');
    await stopBroker({ port: KAFKA_PORT });
  }, 60_000);

  it('When a service is killed, then it comes back by itself while the others keep serving; only the gateway listens beyond 127.0.0.1; Ctrl+C stops them all', async () => {
    npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? tmpdir(),
        KAFKA_BROKERS: `127.0.0.1:${KAFKA_PORT}`,
        REDIS_URL: testEnv.redisUrl,
        GATEWAY_PORT: String(GATEWAY_PORT),
        // The limiter counts per client address in Redis, which every test's gateway shares.
        RATE_LIMIT_PER_MINUTE: '1000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so Ctrl+C can be sent to the whole group, as a terminal does.
      detached: true,
    });
    const npmPid = npm.pid as number;
    const exited = once(npm, 'exit');
    const append = (chunk: Buffer) => {
      output += String(chunk);
    };
    npm.stdout?.on('data', append);
    npm.stderr?.on('data', append);
    await eventually('every process ready', everyoneReady, (ready) => ready.every(Boolean), {
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    const before = workspaceProcesses(npmPid);
    expect([...before.keys()].sort()).toEqual([...ALL].sort());

    const sockets = [...before.values()].flatMap((pid) => listeningSockets(pid));
    expect(sockets.map((s) => s.port).sort((a, b) => a - b)).toEqual(
      [0, 1, 2, 3, 4, 5].map((offset) => GATEWAY_PORT + offset),
    );
    expect(sockets.filter((s) => !s.loopback)).toEqual([
      { address: expect.any(String), port: GATEWAY_PORT, loopback: false },
    ]);

    const killedPid = before.get(KILLED) as number;
    process.kill(killedPid, 'SIGKILL');
    await eventually(
      `${KILLED} gone`,
      async () => isRunning(killedPid),
      (alive) => !alive,
      { timeoutMs: 5_000 },
    );
    // Until it is back: the gateway, a request through it, and the other services, four times a second.
    const others = [...ALL.filter((name) => name !== KILLED).map(readyUrl), `${GATEWAY_URL}/products`];
    const unanswered: string[] = [];
    let rounds = 0;
    const deadline = Date.now() + 60_000;
    while (running() && Date.now() < deadline && !(await answers(readyUrl(KILLED)))) {
      const results = await Promise.all(others.map(ask));
      unanswered.push(...others.flatMap((url, i) => (results[i] === 200 ? [] : [`${url}: ${results[i]}`])));
      rounds += 1;
      await sleep(250);
    }
    expect(unanswered).toEqual([]);
    expect(await answers(readyUrl(KILLED))).toBe(true);
    expect(rounds).toBeGreaterThan(4); // it was really down a while
    expect(output).toMatch(new RegExp(`\\[platform\\] ${KILLED} exited with code 137 \\(SIGKILL\\); restarting in`));
    const after = workspaceProcesses(npmPid);
    expect(after.get(KILLED)).not.toBe(killedPid);
    for (const name of ALL.filter((n) => n !== KILLED)) expect(after.get(name)).toBe(before.get(name));

    // Ctrl+C, to the whole process group as a terminal sends it: npm, then, ends by the same signal
    // (hiding the platform's exit code), and the services, in groups of their own, get it once, from
    // the platform: a second SIGINT would end their drain at once (code 130).
    process.kill(-npmPid, 'SIGINT');
    expect(await exited).toEqual([null, 'SIGINT']);
    for (const name of ALL) expect(output).toContain(`[platform] ${name} stopped (code 0)`);
    expect(output.trimEnd().split('\n').at(-1)).toBe('[platform] stopped'); // then it exits 0
    expect(output).not.toContain('killing it');
    expect([...before.values(), ...after.values()].filter(isRunning)).toEqual([]);
  }, 150_000);
});
