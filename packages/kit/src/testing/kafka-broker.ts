/**
 * A private Kafka broker for tests that must stop/restart Kafka (outage, redelivery, relay retry)
 * without disturbing the shared broker on 9092. Wraps `scripts/kafka.sh` (Kafka 3.9 KRaft, one JVM):
 *
 *   const { brokers } = await startBroker({ port: 19092 });   // ~3-4 s cold, data kept across restarts
 *   await stopBroker({ port: 19092 });                         // ~2 s
 *   await startBroker({ port: 19092 });                        // same topics/offsets come back
 *
 * Each port gets its own instance dir (.cache/kafka/instance-<port>) and controller port (port + 1),
 * so pick ports at least 2 apart. Pass `fresh: true` to wipe the instance's data before starting.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface BrokerOptions {
  /** Client (PLAINTEXT) port on 127.0.0.1. The KRaft controller uses `controllerPort` (default port + 1). */
  port: number;
  controllerPort?: number;
  /** Instance dir (data, logs, pid). Default: <repo>/.cache/kafka/instance-<port>. */
  homeDir?: string;
  /** Milliseconds to wait for kafka.sh (start includes a possible jar fetch). Default 180 000. */
  timeoutMs?: number;
}

export interface StartBrokerOptions extends BrokerOptions {
  /** Delete the instance's data (topics, offsets) before starting. Stops it first if running. */
  fresh?: boolean;
}

/** Walks up from this file to the monorepo root (the directory holding scripts/kafka.sh). */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'scripts', 'kafka.sh'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`kafka-broker: scripts/kafka.sh not found above ${__dirname}`);
    dir = parent;
  }
}

export function brokerHomeDir(opts: BrokerOptions): string {
  return opts.homeDir ?? path.join(repoRoot(), '.cache', 'kafka', `instance-${opts.port}`);
}

function kafkaSh(command: 'start' | 'stop' | 'status', opts: BrokerOptions): Promise<string> {
  const root = repoRoot();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_PORT: String(opts.port),
    KAFKA_HOME_DIR: brokerHomeDir(opts),
  };
  if (opts.controllerPort !== undefined) env.KAFKA_CONTROLLER_PORT = String(opts.controllerPort);
  else delete env.KAFKA_CONTROLLER_PORT; // never inherit the shared broker's controller port

  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [path.join(root, 'scripts', 'kafka.sh'), command],
      { cwd: root, env, timeout: opts.timeoutMs ?? 180_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim();
        if (error) {
          const why = error.killed ? `timed out after ${opts.timeoutMs ?? 180_000} ms` : `exit code ${error.code}`;
          reject(new Error(`scripts/kafka.sh ${command} (port ${opts.port}) failed: ${why}\n${output}`));
        } else {
          resolve(output);
        }
      },
    );
  });
}

/** Starts (or reuses, if already running) the broker on `port` and waits until it answers. */
export async function startBroker(opts: StartBrokerOptions): Promise<{ brokers: string[] }> {
  if (opts.fresh) {
    await kafkaSh('stop', opts);
    rmSync(path.join(brokerHomeDir(opts), 'data'), { recursive: true, force: true });
  }
  await kafkaSh('start', opts);
  return { brokers: [`127.0.0.1:${opts.port}`] };
}

/** Stops the broker on `port` (SIGTERM, then SIGKILL after 60 s). Its data is kept. No-op if not running. */
export async function stopBroker(opts: BrokerOptions): Promise<void> {
  await kafkaSh('stop', opts);
}

/** The broker JVM's pid on `port` (from its pid file), e.g. to read its CPU time. */
export function brokerPid(opts: BrokerOptions): number {
  return Number(readFileSync(path.join(brokerHomeDir(opts), 'kafka.pid'), 'utf8').trim());
}
