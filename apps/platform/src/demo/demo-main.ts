// `npm run demo`: a full purchase against the running platform (GATEWAY_URL, or the local gateway on
// GATEWAY_PORT, as `npm start` put it).
import { gatewayUrlOf } from '../gateway-address';
import { runWalkthrough } from './walkthrough';

const gatewayUrl = gatewayUrlOf(process.env);
console.log(`Sneakers Commerce demo against ${gatewayUrl}\n`);
runWalkthrough(gatewayUrl).then(
  () => console.log('\nDone: one sneaker bought, paid from the balance, counted in the ranking.'),
  (error: unknown) => {
    console.error(`\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Is the platform running? Start it with `npm start` in another terminal.');
    process.exit(1);
  },
);
