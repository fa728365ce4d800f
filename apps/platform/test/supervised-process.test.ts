import { tmpdir } from 'node:os';
import { eventually } from '@sneakers/kit/testing';
import { type ProcessSpec, SupervisedProcess } from '../src/supervisor/supervised-process';

const crashing = (script: string): ProcessSpec => ({ name: 'crasher', cwd: tmpdir(), args: ['-e', script], env: {} });
const delaysIn = (lines: string[]) =>
  lines.flatMap((line) => line.match(/restarting in ([\d.]+) s$/)?.[1] ?? []).map(Number);

describe('A supervised process', () => {
  it('When it keeps dying at once, then each restart waits about twice as long as the one before', async () => {
    const lines: string[] = [];
    const child = new SupervisedProcess(crashing('process.exit(3)'), (line) => lines.push(line));

    child.start();
    await eventually(
      'three deaths',
      async () => delaysIn(lines),
      (delays) => delays.length === 3,
      {
        timeoutMs: 15_000,
      },
    );
    await child.stop('SIGTERM');

    expect(lines).toContainEqual(expect.stringMatching(/^crasher exited with code 3; restarting in/));
    // Each delay lies in the upper half of a ceiling that doubles: up to 1 s, 2 s, 4 s.
    const [first, second, third] = delaysIn(lines);
    expect(first).toBeGreaterThanOrEqual(0.5);
    expect(first).toBeLessThanOrEqual(1);
    expect(second).toBeGreaterThanOrEqual(1);
    expect(second).toBeLessThanOrEqual(2);
    expect(third).toBeGreaterThanOrEqual(2);
    expect(third).toBeLessThanOrEqual(4);
  }, 20_000);

  it('When it is stopped while a restart is pending, then it is not started again', async () => {
    const lines: string[] = [];
    const child = new SupervisedProcess(crashing('process.exit(1)'), (line) => lines.push(line));

    child.start();
    await eventually(
      'a death',
      async () => delaysIn(lines),
      (delays) => delays.length === 1,
      { timeoutMs: 10_000 },
    );
    await child.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // longer than the first delay

    expect(lines.filter((line) => line.startsWith('crasher started'))).toHaveLength(1);
  });

  it('When it is stopped, then it gets the signal, ends by itself and is not restarted', async () => {
    const lines: string[] = [];
    const script = "process.on('SIGINT', () => setTimeout(() => process.exit(7), 200)); setInterval(() => {}, 1000);";
    const child = new SupervisedProcess(crashing(script), (line) => lines.push(line));

    child.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // its handler is in place
    await child.stop('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // longer than the first delay

    expect(lines).toContain('crasher stopped (code 7)');
    expect(lines.filter((line) => line.startsWith('crasher started'))).toHaveLength(1);
  });
});
