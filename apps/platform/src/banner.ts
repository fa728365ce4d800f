import { DEMO_ADMIN, DEMO_BUYER, DEMO_PASSWORD } from './demo/demo-accounts';
import { demoCommand } from './gateway-address';

export interface BannerFacts {
  gatewayUrl: string;
  gatewayPort: number;
  /** Where the data is kept; in memory when absent. */
  dataDir: string | undefined;
  dataPlatformUrl: string;
}

/** What a newcomer needs to see once the platform answers. */
export function banner({ gatewayUrl, gatewayPort, dataDir, dataPlatformUrl }: BannerFacts): string {
  return [
    '',
    '  Sneakers Commerce is running (embedded mode: one process, nothing to install)',
    '',
    `  API docs      ${gatewayUrl}/docs`,
    `  OpenAPI       ${gatewayUrl}/openapi.json`,
    '',
    '  Adapters',
    `    PostgreSQL  PGlite, one database per service, ${dataDir ? `kept in ${dataDir}` : 'in memory'}`,
    `    Kafka       in-process event bus (same topics, keys and consumer groups)${dataDir ? ', log kept on disk' : ''}`,
    '    Redis       in-memory coupon ledger, ranking memo and rate limiter',
    `    Data        paid orders delivered to ${dataPlatformUrl}`,
    '',
    '  Try it, in another terminal',
    `    ${demoCommand(gatewayPort).padEnd(34)} a full purchase, step by step`,
    `    buyer  ${DEMO_BUYER.email} / ${DEMO_PASSWORD}`,
    `    admin  ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
    '',
    '  Ctrl+C stops it cleanly. Requests through the gateway are logged below.',
    '',
  ].join('\n');
}
