import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** Every process below `pid` (its children, theirs, …), read from /proc (Linux). */
export function descendantsOf(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readOrEmpty(`/proc/${pid}/task/${task}/children`).split(' ').filter(Boolean).map(Number),
  );
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

/**
 * The services below `pid`, by workspace: each is `node … src/main.ts` run in `apps/<workspace>`,
 * whoever started it (our supervisor, or npm under turbo).
 */
export function workspaceProcesses(pid: number): Map<string, number> {
  const found = new Map<string, number>();
  for (const child of descendantsOf(pid)) {
    if (!argumentsOf(child).includes('src/main.ts')) continue;
    try {
      found.set(path.basename(readlinkSync(`/proc/${child}/cwd`)), child);
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** The command line of `pid`, one argument per item. */
function argumentsOf(pid: number): string[] {
  return readOrEmpty(`/proc/${pid}/cmdline`).split('\0');
}

/** Still running: exists, and is not a zombie waiting for its parent. */
export function isRunning(pid: number): boolean {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the process ended while we looked
  }
}
