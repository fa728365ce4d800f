import { createRequire } from 'node:module';

/** The kafkajs version our fixes to its internals were written and measured against. */
const FIXED_VERSION = '2.2.4';

/**
 * One of kafkajs's own modules (`./src/...`), to fix behaviour its API does not reach; undefined
 * under any other version, whose internals may differ: re-measure before carrying a fix over.
 */
export function kafkajsInternal<T>(path: string): T | undefined {
  const load = createRequire(require.resolve('kafkajs'));
  const { version } = load('./package.json') as { version: string };
  return version === FIXED_VERSION ? (load(path) as T) : undefined;
}
