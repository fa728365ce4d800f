import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { platformProcesses } from './supervisor/platform-processes';
import { supervise } from './supervisor/supervise';

/** Any of these set means "use the real services": the per-service processes, as in production. */
const EXTERNAL_SERVICE_VARIABLES = ['KAFKA_BROKERS', 'REDIS_URL', 'DATABASE_URL'];

export function externalServicesConfigured(env: NodeJS.ProcessEnv): string[] {
  return EXTERNAL_SERVICE_VARIABLES.filter((name) => env[name]);
}

/**
 * Migrates every service's database, then runs each service and the gateway as its own process,
 * restarted when it dies (see supervisor/).
 */
export async function runOnExternalServices(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (env.DATABASE_URL) {
    // Every service would get the same one, and their tables (outbox, inbox…) share names.
    console.error(
      '[platform] DATABASE_URL names one database, but each service owns its own: unset it to use ' +
        'postgresql://postgres@127.0.0.1:5432/<service database> (see `npm run db:setup`), or start ' +
        'each service alone with its own (`DATABASE_URL=… npm start -w apps/order-service`).',
    );
    process.exit(78);
  }
  const processes = platformProcesses(root, env);
  await runToTheEnd('npm', ['run', 'db:setup'], root, env);
  // What `turbo run start` did before starting: the Prisma clients, regenerated if a schema changed.
  await runToTheEnd('npx', ['turbo', 'run', 'generate', '--output-logs=errors-only'], root, {
    ...env,
    TURBO_TELEMETRY_DISABLED: '1',
  });
  supervise(processes, (line) => console.log(`[platform] ${line}`));
}

/** Runs a preparation step in the terminal; if it fails, `npm start` fails with its exit code. */
async function runToTheEnd(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) process.exit(code ?? 1);
}
