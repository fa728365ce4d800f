// `npm run data-platform -w apps/order-service`: the local stand-in for the external data platform.
import { startDataPlatformReceiver } from './data-platform-receiver';

const port = Number(process.env.DATA_PLATFORM_PORT ?? 3014);
// Loopback unless told otherwise; in docker-compose.yml other containers reach it, so 0.0.0.0.
const host = process.env.DATA_PLATFORM_HOST ?? '127.0.0.1';
void startDataPlatformReceiver(port, host).then(({ url }) => console.log(`data platform receiver listening on ${url}`));
