// `npm run data-platform -w apps/order-service`: the local stand-in for the external data platform.
import { startDataPlatformReceiver } from './data-platform-receiver';

const port = Number(process.env.DATA_PLATFORM_PORT ?? 3014);
void startDataPlatformReceiver(port).then(({ url }) => console.log(`data platform receiver listening on ${url}`));
