/**
 * CPU time per process, read from /proc (user + sys, in clock ticks), so a bench can say how many
 * milliseconds of CPU each process spent per unit of work (order, request) and the machine in all.
 * Linux only; a process that is gone when read counts as zero.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { loadavg } from 'node:os';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** A named group of processes: given pids, or found by their command name when read. */
export interface WatchedProcesses {
  name: string;
  pids: () => number[];
}

export const processes = (name: string, ...pids: number[]): WatchedProcesses => ({ name, pids: () => pids });

/** Every process whose command name (/proc/<pid>/comm) is `command`, e.g. postgres backends. */
export const processesNamed = (name: string, command: string): WatchedProcesses => ({
  name,
  pids: () =>
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number)
      .filter((pid) => read(`/proc/${pid}/comm`)?.trim() === command),
});

/** A process and every process started under it, found when read (children come and go). */
export const processTree = (name: string, rootPid: number): WatchedProcesses => ({
  name,
  pids: () => [...treeOf(rootPid).keys()],
});

/**
 * The processes under `rootPid` (itself included) grouped by the app each runs in: a process whose
 * working directory is `apps/<name>` and everything it started count as `<name>`, the rest as `rootName`.
 */
export function processTreeByApp(rootName: string, rootPid: number): WatchedProcesses[] {
  const appOf = () => {
    const apps = new Map<number, string>();
    for (const [pid, parent] of treeOf(rootPid)) {
      const app = /\/apps\/([^/]+)$/.exec(readLink(`/proc/${pid}/cwd`) ?? '')?.[1];
      apps.set(pid, app ?? apps.get(parent) ?? rootName);
    }
    return apps;
  };
  const names = new Set(appOf().values());
  return [...names].map((name) => ({
    name,
    pids: () => [...appOf()].filter(([, app]) => app === name).map(([pid]) => pid),
  }));
}

/** Every process under `rootPid` and itself, parents before children, with each one's parent. */
function treeOf(rootPid: number): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (stat) parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const tree = new Map<number, number>();
  if (parents.has(rootPid)) tree.set(rootPid, parents.get(rootPid) as number);
  for (const pid of tree.keys())
    for (const [child, parent] of parents) if (parent === pid && !tree.has(child)) tree.set(child, parent);
  return tree;
}

/** user + sys of the process and of its waited-for children (a backend that ended counts too), in ms. */
function cpuMsOf(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
  return ((utime as number) + (stime as number) + (cutime as number) + (cstime as number)) * TICK_MS;
}

/** Every CPU's busy time (everything but idle and iowait), in ms: the machine as a whole. */
function machineBusyMs(): number {
  const [, ...ticks] = (read('/proc/stat') ?? '').split('\n')[0]?.trim().split(/\s+/) ?? [];
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * TICK_MS;
}

function readLink(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export interface CpuReport {
  /** Milliseconds of CPU per unit of work, by process group, highest first. */
  msPerUnit: Record<string, number>;
  /** The groups summed. */
  ourProcessesMsPerUnit: number;
  /** All of the machine's CPUs' busy time per unit, whatever ran. */
  machineMsPerUnit: number;
}

/** Starts counting now; `per(units)` reports what each group spent since, divided by `units`. */
export function startCpuMeter(groups: WatchedProcesses[]): { per: (units: number) => CpuReport } {
  const sample = () => ({
    machine: machineBusyMs(),
    byGroup: new Map(groups.map((g) => [g.name, g.pids().reduce((sum, pid) => sum + cpuMsOf(pid), 0)])),
  });
  const before = sample();
  return {
    per: (units) => {
      const after = sample();
      const round = (ms: number) => Math.round((ms / units) * 1000) / 1000;
      const spent = groups
        .map(({ name }) => [name, (after.byGroup.get(name) ?? 0) - (before.byGroup.get(name) ?? 0)] as const)
        .sort((a, b) => b[1] - a[1]);
      return {
        msPerUnit: Object.fromEntries(spent.map(([name, ms]) => [name, round(ms)])),
        ourProcessesMsPerUnit: round(spent.reduce((sum, [, ms]) => sum + ms, 0)),
        machineMsPerUnit: round(after.machine - before.machine),
      };
    },
  };
}

/** The machine's load averages (1, 5, 15 min): printed before a run, as a quiet machine is the premise. */
export const loadAverage = () => loadavg().map((load) => Math.round(load * 100) / 100);
