import { defaultAdminUrl } from '../prisma-migrate';

/** Where tests find the real services; defaults match the development machines and CI. */
export const testEnv = {
  databaseAdminUrl: defaultAdminUrl,
  kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

/** A name no other test run uses: lower-case letters and digits, safe for databases and topics. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
