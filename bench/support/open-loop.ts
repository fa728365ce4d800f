import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { summarize } from './stats';

/**
 * GETs `url` at `ratePerSec` for `durationS`, arrivals at random (Poisson) times as a crowd's are,
 * whether or not earlier answers came back (open loop): a slow answer never holds back the next
 * request, so a stall of the server counts in full for every request it held (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: it gives each connection a per-second quota that it fires
 * back to back at the start of every second, so its latencies are those of `connections` requests
 * queued at once, whatever the rate (measured: the same server, p99 1 ms with 16 connections and
 * 94 ms with 200, both "at 5k req/s").
 */
export async function openLoopGet(url: string, ratePerSec: number, durationS: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(ratePerSec * durationS);
  // Latencies by the second they were sent in: a miss in one second is a stall of the machine; a
  // miss in every second is the server.
  const bySecond: number[][] = Array.from({ length: Math.ceil(durationS) }, () => []);
  let failures = 0;
  const started = performance.now();
  const get = () =>
    new Promise<void>((resolve) => {
      // From the moment it is sent: up to 1 ms early (shorter waits are not slept), or late by
      // whatever held this process (the generator's own delay is not the server's latency).
      const from = performance.now();
      const request = http.get(url, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          const second = Math.min(bySecond.length - 1, Math.floor((from - started) / 1000));
          if (response.statusCode === 200) bySecond[second]?.push(performance.now() - from);
          else failures++;
          resolve();
        });
      });
      request.on('error', () => {
        failures++;
        resolve();
      });
    });

  const inFlight: Promise<void>[] = [];
  let dueAt = started;
  for (let sent = 0; sent < total; sent++) {
    dueAt += -Math.log(1 - Math.random()) * (1000 / ratePerSec);
    const wait = dueAt - performance.now();
    // Behind schedule, still yield: answers are read in between, as they would be.
    await new Promise((resolve) => (wait > 1 ? setTimeout(resolve, wait) : setImmediate(resolve)));
    inFlight.push(get());
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const latencies = bySecond.flat();
  return {
    targetRps: ratePerSec,
    achievedRps: Math.round(latencies.length / seconds),
    failures,
    ...summarize(latencies),
    p99MsBySecond: bySecond.map((second) => summarize(second).p99Ms),
  };
}

/**
 * Warms up, then measures, in a process of its own (open-loop-main.ts): this process's heap and
 * event loop stay out of the figures.
 */
export async function openLoopGetFromOwnProcess(
  url: string,
  ratePerSec: number,
  durationS: number,
  warmUpS: number,
): Promise<Awaited<ReturnType<typeof openLoopGet>>> {
  const generator = path.join(__dirname, 'open-loop-main.ts');
  const args = [url, ratePerSec, durationS, warmUpS].map(String);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', generator, ...args]);
  return JSON.parse(stdout);
}
