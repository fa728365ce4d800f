import { spawn } from 'node:child_process';

/** Any of these set means "use the real services": the per-service processes, as in production. */
const EXTERNAL_SERVICE_VARIABLES = /^(KAFKA_BROKERS|REDIS_URL|DATABASE_URL|[A-Z_]+_DATABASE_URL|PGHOST)$/;

export function externalServicesConfigured(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter((name) => EXTERNAL_SERVICE_VARIABLES.test(name) && env[name]);
}

/** Migrates every service's database, then runs each service as its own process (turbo). */
export function runOnExternalServices(root: string): void {
  const child = spawn('npm run db:setup && npx turbo run start --ui=stream --concurrency=20', {
    cwd: root,
    shell: true,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
}
