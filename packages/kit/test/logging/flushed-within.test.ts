import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { flushedWithin } from '../../src/logging/flushed-within';

const PERIOD_MS = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A buffered destination on a file of its own, and the number of writes it made. */
function bufferedFile() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'flushed-within-')), 'log');
  const boom = pino.destination({ dest: file, sync: false, minLength: 4096, mkdir: true });
  let writes = 0;
  boom.on('write', () => {
    writes += 1;
  });
  const destination = flushedWithin(PERIOD_MS, boom);
  return { destination, boom, text: () => readFileSync(file, 'utf8'), writes: () => writes };
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('not in time');
    await sleep(10);
  }
}

describe('A buffered log destination flushed within a period', () => {
  it('When one short line is logged, then it is written within the period, not when 4 KB fill', async () => {
    const { destination, boom, text } = bufferedFile();
    await new Promise((resolve) => boom.once('ready', resolve));

    destination.write('one line\n');

    await until(() => text() === 'one line\n', 20 * PERIOD_MS);
  });

  it('When nothing is logged, then nothing is written, not even empty strings each period', async () => {
    const { destination, boom, writes } = bufferedFile();
    await new Promise((resolve) => boom.once('ready', resolve));
    destination.write('one line\n');
    await until(() => writes() > 0);
    const after = writes();

    await sleep(10 * PERIOD_MS);

    // sonic-boom's periodicFlush would have written ten times.
    expect(writes()).toBe(after);
  });

  it('When lines keep coming while earlier ones are being written, then every line is written, in order', async () => {
    const { destination, boom, text } = bufferedFile();
    await new Promise((resolve) => boom.once('ready', resolve));
    const lines = Array.from({ length: 5_000 }, (_, i) => `line ${i}\n`);

    for (const [i, line] of lines.entries()) {
      destination.write(line);
      if (i % 500 === 0) await sleep(1);
    }

    await until(() => text().length === lines.join('').length);
    expect(text()).toBe(lines.join(''));
  });

  it('When the logger is flushed, then what it holds is written', async () => {
    const { destination, boom, text } = bufferedFile();
    await new Promise((resolve) => boom.once('ready', resolve));
    const logger = pino({ base: undefined, timestamp: false }, destination);
    logger.info('flushed');

    await new Promise((resolve) => logger.flush(resolve));

    expect(JSON.parse(text())).toMatchObject({ msg: 'flushed' });
  });
});
