// `npm run demo:seed`: the first-start demo data, against a running platform (docker-compose uses it).
import { GATEWAY_PORT } from '@sneakers/shared';
import { seedDemo } from './seed-demo';

const gatewayUrl = process.env.GATEWAY_URL ?? `http://127.0.0.1:${GATEWAY_PORT}`;
seedDemo(gatewayUrl, (line) => console.log(`[seed] ${line}`)).catch((error: unknown) => {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
