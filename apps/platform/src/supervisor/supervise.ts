import { type ProcessSpec, SupervisedProcess } from './supervised-process';

const STOP_TIMEOUT_MS = 30_000;

/**
 * Runs every process and restarts whichever dies, while the others keep serving. `stages` start in
 * order; on SIGINT, SIGTERM or SIGHUP they stop in reverse order (the processes of one stage
 * together), so the way in closes before what is behind it. Whatever has not stopped after
 * STOP_TIMEOUT_MS is killed. Exits 0 when all stopped by themselves.
 */
export function supervise(stages: ProcessSpec[][], say: (line: string) => void): void {
  const started = stages.map((stage) => stage.map((spec) => new SupervisedProcess(spec, say)));
  const processes = started.flat();
  for (const child of processes) child.start();

  let stopping = false;
  const stop = async (received: NodeJS.Signals, signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${received}: stopping ${processes.length} processes…`);
    let killed = false;
    const deadline = setTimeout(() => {
      say(`not all stopped within ${STOP_TIMEOUT_MS / 1000} s`);
      killed = true;
      for (const child of processes) child.kill();
    }, STOP_TIMEOUT_MS);
    for (const stage of started.reverse()) await Promise.all(stage.map((child) => child.stop(signal)));
    clearTimeout(deadline);
    say('stopped');
    process.exit(killed ? 1 : 0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal, signal));
  // The terminal closed: the processes, in process groups of their own, hear it only from here.
  process.on('SIGHUP', () => void stop('SIGHUP', 'SIGTERM'));
  // Should this process die of a bug, it takes them along rather than leave them holding the ports.
  process.on('exit', () => {
    for (const child of processes) child.kill();
  });
}
