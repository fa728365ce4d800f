import { spawn } from 'node:child_process';

/** Any of these set means "use the real services": the per-service processes, as in production. */
const EXTERNAL_SERVICE_VARIABLES = ['KAFKA_BROKERS', 'REDIS_URL', 'DATABASE_URL'];

export function externalServicesConfigured(env: NodeJS.ProcessEnv): string[] {
  return EXTERNAL_SERVICE_VARIABLES.filter((name) => env[name]);
}

/** Migrates every service's database, then runs each service as its own process (turbo). */
export function runOnExternalServices(root: string, env: NodeJS.ProcessEnv): void {
  if (env.DATABASE_URL) {
    // Every service would get the same one, and their tables (outbox, inbox…) share names.
    console.error(
      '[platform] DATABASE_URL names one database, but each service owns its own: unset it to use ' +
        'postgresql://postgres@127.0.0.1:5432/<service database> (see `npm run db:setup`), or start ' +
        'each service alone with its own (`DATABASE_URL=… npm start -w apps/order-service`).',
    );
    process.exit(78);
  }
  const child = spawn('npm run db:setup && npx turbo run start --ui=stream --concurrency=20', {
    cwd: root,
    shell: true,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
}
