// `npm run demo:seed`: the first-start demo data, against a running platform (docker-compose uses it).
import { gatewayUrlOf } from '../gateway-address';
import { seedDemo } from './seed-demo';

seedDemo(gatewayUrlOf(process.env), (line) => console.log(`[seed] ${line}`)).catch((error: unknown) => {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
