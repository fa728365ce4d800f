import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { flushedWithin } from '../../src/logging/flushed-within';
import { eventually } from '../../src/testing';

const PERIOD_MS = 50;

/** A buffered destination on a file of its own (open), and the number of writes it made. */
async function bufferedFile() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'flushed-within-')), 'log');
  const boom = pino.destination({ dest: file, sync: false, minLength: 4096, mkdir: true });
  let writes = 0;
  boom.on('write', () => {
    writes += 1;
  });
  const destination = flushedWithin(PERIOD_MS, boom);
  await new Promise((resolve) => boom.once('ready', resolve));
  return { destination, text: () => readFileSync(file, 'utf8'), writes: () => writes };
}

const soon = { timeoutMs: 5_000, intervalMs: 10 };

describe('A buffered log destination flushed within a period', () => {
  it('When one short line is logged, then it is written within the period, not when 4 KB fill', async () => {
    const { destination, text } = await bufferedFile();

    destination.write('one line\n');

    await eventually(
      'the line written',
      async () => text(),
      (written) => written === 'one line\n',
      {
        ...soon,
        timeoutMs: 20 * PERIOD_MS,
      },
    );
  });

  it('When nothing is logged, then nothing is written, not even empty strings each period', async () => {
    const { destination, writes } = await bufferedFile();
    destination.write('one line\n');
    await eventually(
      'the line written',
      async () => writes(),
      (count) => count > 0,
      soon,
    );
    const after = writes();

    await sleep(10 * PERIOD_MS);

    // sonic-boom's periodicFlush would have written ten times.
    expect(writes()).toBe(after);
  });

  it('When lines keep coming while earlier ones are being written, then every line is written, in order', async () => {
    const { destination, text } = await bufferedFile();
    const lines = Array.from({ length: 5_000 }, (_, i) => `line ${i}\n`);

    for (const [i, line] of lines.entries()) {
      destination.write(line);
      if (i % 500 === 0) await sleep(1);
    }

    const all = lines.join('');
    await eventually(
      'every line written',
      async () => text().length,
      (length) => length === all.length,
      soon,
    );
    expect(text()).toBe(all);
  });

  it('When the logger is flushed, then what it holds is written', async () => {
    const { destination, text } = await bufferedFile();
    const logger = pino({ base: undefined, timestamp: false }, destination);
    logger.info('flushed');

    await new Promise((resolve) => logger.flush(resolve));

    expect(JSON.parse(text())).toMatchObject({ msg: 'flushed' });
  });
});
