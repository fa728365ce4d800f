import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * Copies a child's output line by line, so lines of different processes never interleave. Log lines
 * (JSON) stay as they are: each names its service and stays parseable. Anything else (a crash's
 * stack trace, a Node warning) is prefixed with `[name] `, so one knows whose it is.
 */
export function relayLines(from: Readable, to: Writable, name: string): void {
  createInterface({ input: from, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
    to.write(line.startsWith('{') ? `${line}\n` : `[${name}] ${line}\n`);
  });
}
