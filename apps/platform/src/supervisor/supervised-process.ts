import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { backoffDelay } from '@sneakers/kit';
import { relayLines } from './relay-lines';

/** One process to keep running: `node <args>` in `cwd`. */
export interface ProcessSpec {
  name: string;
  cwd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Up to 1 s after the first death, doubling with each death in a row, at most 30 s (somewhere in the
 * upper half of that, so processes that died together do not all come back at once).
 */
const RESTART_DELAY = { baseMs: 1_000, maxMs: 30_000 };
/** Up this long, a process counts as well again: if it dies later, it is restarted after the first delay. */
const WELL_AFTER_MS = 60_000;

/**
 * A child process restarted whenever it dies, after a delay that doubles with each death in a row
 * (capped), so a service that cannot start does not spin.
 */
export class SupervisedProcess {
  private child: ChildProcess | undefined;
  private deathsInARow = 0;
  private restart: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly spec: ProcessSpec,
    private readonly say: (line: string) => void,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  start(): void {
    const { name, cwd, args, env } = this.spec;
    const startedAt = Date.now();
    // Its own process group: Ctrl+C reaches the supervisor only, which passes it on once (a second
    // SIGINT would cut a service's drain short).
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    relayLines(child.stdout, process.stdout, name);
    relayLines(child.stderr, process.stderr, name);
    child.on('error', (error) => this.say(`${name}: ${error.message}`));
    this.say(`${name} started (pid ${child.pid})`);
    // 'close', not 'exit': its last lines are out before we say it ended.
    child.on('close', (code, signal) => {
      this.child = undefined;
      if (this.stopping) return this.say(`${name} stopped (${howItEnded(code, signal)})`);
      this.deathsInARow = Date.now() - startedAt >= WELL_AFTER_MS ? 1 : this.deathsInARow + 1;
      const delay = backoffDelay(this.deathsInARow, RESTART_DELAY);
      this.say(`${name} exited with ${howItEnded(code, signal)}; restarting in ${(delay / 1000).toFixed(1)} s`);
      this.restart = setTimeout(() => this.start(), delay);
    });
  }

  /** Passes `signal` on and resolves once the process has ended; a pending restart is cancelled. */
  stop(signal: NodeJS.Signals): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    const child = this.child;
    if (!child) return Promise.resolve();
    const ended = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.kill(signal);
    return ended;
  }

  /** For a process that did not stop when asked. */
  kill(): void {
    if (!this.child) return;
    this.say(`${this.name} still running: killing it (SIGKILL)`);
    this.child.kill('SIGKILL');
  }
}

/** `code 1`, or `code 137 (SIGKILL)` as a shell reports a process ended by a signal. */
function howItEnded(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `code ${128 + constants.signals[signal]} (${signal})` : `code ${code}`;
}
