/**
 * `openLoopGet` as a process of its own: a load generator with a small heap, whose collections stay
 * short. Run inside a bench process that carries hundreds of MB from earlier phases, that process's
 * pauses would be counted as the server's latency. It runs at the lowest CPU priority: on a shared
 * machine it yields the cores to the server it measures (a real crowd's clients are elsewhere).
 *   node --import tsx open-loop-main.ts <url> <req/s> <seconds> <warm-up seconds>
 * Prints the result of the measured run as one JSON line.
 */
import { setPriority } from 'node:os';
import { openLoopGet } from './open-loop';

async function main() {
  const [url, rate, seconds, warmUpSeconds] = process.argv.slice(2);
  setPriority(19);
  await openLoopGet(url as string, Number(rate), Number(warmUpSeconds));
  console.log(JSON.stringify(await openLoopGet(url as string, Number(rate), Number(seconds))));
}

void main();
