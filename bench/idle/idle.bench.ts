/**
 * What the platform costs while nothing happens: `npm start` as a user runs it, left alone for
 * BENCH_IDLE_S seconds (60) after a settling pause, in both modes — embedded (one process) and
 * multi-process on a private Kafka broker, with PostgreSQL and Redis — and the CPU each process
 * spent meanwhile, as a share of one core. Prints one JSON document.
 * Needs PostgreSQL and Redis as for the tests; the broker is started here. Uses ports 3700–3705 and
 * 3000–3005 (the multi-process mode's defaults, and its sneakers_* databases), so nothing else may
 * hold them. BENCH_IDLE_MODES=embedded (or multi-process) measures one mode only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { brokerPid, startBroker, stopBroker, testEnv } from '@sneakers/kit/testing';
import {
  loadAverage,
  processesNamed,
  processTree,
  processTreeByApp,
  startCpuMeter,
  type WatchedProcesses,
} from '../support/process-cpu';

const IDLE_S = Number(process.env.BENCH_IDLE_S ?? 60);
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 15);
const KAFKA_PORT = 19792;
const ROOT = path.resolve(__dirname, '../..');
const TARGET_PERCENT_OF_A_CORE = 3;
const MODES = (process.env.BENCH_IDLE_MODES ?? 'embedded,multi-process').split(',');
const MACHINE_SERVICES = ['postgresql', 'redis'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm start` with these variables; resolves once the gateway answers ready. */
async function npmStart(env: NodeJS.ProcessEnv, gatewayPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/platform/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${gatewayPort}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return child;
    if (Date.now() > deadline) throw new Error('the platform did not get ready in 3 minutes');
    await sleep(500);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

/** Leaves the platform alone, then says what each process spent, in % of one core. */
async function measureIdle(mode: string, groups: WatchedProcesses[]) {
  await sleep(SETTLE_S * 1000);
  const loadAverageBefore = loadAverage();
  const meter = startCpuMeter(groups);
  await sleep(IDLE_S * 1000);
  // Per unit = per 10 ms of wall time: ms of CPU per 10 ms is % of one core.
  const report = meter.per((IDLE_S * 1000) / 100);
  // The target counts our processes and the broker; PostgreSQL and Redis are the machine's own.
  const oursAndBroker = Object.entries(report.msPerUnit)
    .filter(([name]) => !MACHINE_SERVICES.includes(name))
    .reduce((sum, [, percent]) => sum + percent, 0);
  return {
    mode,
    loadAverageBefore,
    percentOfOneCore: report.msPerUnit,
    ourProcessesAndBrokerPercentOfOneCore: Math.round(oursAndBroker * 1000) / 1000,
    machinePercentOfOneCore: report.machineMsPerUnit,
  };
}

async function embedded() {
  const platform = await npmStart({ SNEAKERS_DATA_DIR: 'memory', GATEWAY_PORT: '3700' }, 3700);
  try {
    return await measureIdle('embedded', [processTree('platform (one process)', platform.pid as number)]);
  } finally {
    await stop(platform);
  }
}

async function multiProcess() {
  const { brokers } = await startBroker({ port: KAFKA_PORT, fresh: true });
  try {
    const platform = await npmStart({ KAFKA_BROKERS: brokers.join(','), REDIS_URL: testEnv.redisUrl }, 3000);
    try {
      return await measureIdle('multi-process', [
        ...processTreeByApp('supervisor', platform.pid as number),
        { name: 'kafka broker', pids: () => [brokerPid({ port: KAFKA_PORT })] },
        processesNamed('postgresql', 'postgres'),
        processesNamed('redis', 'redis-server'),
      ]);
    } finally {
      await stop(platform);
    }
  } finally {
    await stopBroker({ port: KAFKA_PORT });
  }
}

async function main() {
  const runs: Array<Awaited<ReturnType<typeof measureIdle>>> = [];
  if (MODES.includes('embedded')) runs.push(await embedded());
  if (MODES.includes('multi-process')) runs.push(await multiProcess());
  console.log(
    JSON.stringify(
      {
        bench: 'idle',
        settings: { idleSeconds: IDLE_S, settleSeconds: SETTLE_S },
        machine: { node: process.version },
        results: runs,
        target: { percentOfOneCore: TARGET_PERCENT_OF_A_CORE },
        met: Object.fromEntries(
          runs.map((run) => [run.mode, run.ourProcessesAndBrokerPercentOfOneCore <= TARGET_PERCENT_OF_A_CORE]),
        ),
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
