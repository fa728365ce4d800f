// `npm run demo`: a full purchase against the running platform (GATEWAY_URL, default the local one).
import { GATEWAY_PORT } from '@sneakers/shared';
import { runWalkthrough } from './walkthrough';

const gatewayUrl = process.env.GATEWAY_URL ?? `http://127.0.0.1:${GATEWAY_PORT}`;
console.log(`Sneakers Commerce demo against ${gatewayUrl}\n`);
runWalkthrough(gatewayUrl).then(
  () => console.log('\nDone: one sneaker bought, paid from the balance, counted in the ranking.'),
  (error: unknown) => {
    console.error(`\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Is the platform running? Start it with `npm start` in another terminal.');
    process.exit(1);
  },
);
