import { DEMO_ADMIN, DEMO_BUYER, DEMO_PASSWORD } from './demo/demo-accounts';
import type { EmbeddedPlatform } from './embedded-platform';

/** What a newcomer needs to see once the platform answers. */
export function banner(platform: EmbeddedPlatform, dataDir: string | undefined, dataPlatformUrl: string): string {
  return [
    '',
    '  Sneakers Commerce is running (embedded mode: one process, nothing to install)',
    '',
    `  API docs      ${platform.gatewayUrl}/docs`,
    `  OpenAPI       ${platform.gatewayUrl}/openapi.json`,
    '',
    '  Adapters',
    `    PostgreSQL  PGlite, one database per service, ${dataDir ? `kept in ${dataDir}` : 'in memory'}`,
    `    Kafka       in-process event bus (same topics, keys and consumer groups)${dataDir ? ', log kept on disk' : ''}`,
    '    Redis       in-memory coupon ledger, ranking memo and rate limiter',
    `    Data        paid orders delivered to ${dataPlatformUrl}`,
    '',
    '  Try it',
    '    npm run demo                       a full purchase, step by step',
    `    buyer  ${DEMO_BUYER.email} / ${DEMO_PASSWORD}`,
    `    admin  ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
    '',
    '  Ctrl+C stops it cleanly.',
    '',
  ].join('\n');
}
