import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PlatformService } from '../platform-services';
import type { ConsumerContract } from './consumer-contract';

const APPS = path.resolve(__dirname, '../../../../apps');

/**
 * Every consumer's contract with `provider`: the default export of each
 * `apps/<consumer>/contracts/*.contract.ts`. Loaded by file name, so a consumer adds a contract
 * without touching the provider. Needs a TypeScript-aware loader (the test runner is one).
 */
export function loadConsumerContracts(provider: PlatformService): ConsumerContract[] {
  return readdirSync(APPS)
    .map((app) => path.join(APPS, app, 'contracts'))
    .filter((folder) => existsSync(folder))
    .flatMap((folder) =>
      readdirSync(folder)
        .filter((file) => file.endsWith('.contract.ts'))
        .map((file) => require(path.join(folder, file)).default as ConsumerContract),
    )
    .filter((contract) => contract.provider === provider);
}
