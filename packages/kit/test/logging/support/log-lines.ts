/**
 * Logs one line with createLogger, then either exits at once (`exit`) or stays up (`stay`) until
 * killed, so a test can see when the line reaches standard output (stderr says when it was logged).
 */
import { createLogger } from '../../../src/logging/logger';

const logger = createLogger('log-lines-fixture');
logger.info({ order: 1 }, 'first line');
process.stderr.write('logged\n');
if (process.argv[2] === 'exit') process.exit(0);
setInterval(() => undefined, 1_000);
