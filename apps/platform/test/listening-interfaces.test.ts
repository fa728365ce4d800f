import { startDataPlatformReceiver } from '@sneakers/order-service/src/data-platform/data-platform-receiver';
import { type EmbeddedPlatform, startEmbeddedPlatform } from '../src/embedded-platform';
import { listeningSockets } from './support/listening-sockets';

// `npm start` with nothing configured: the gateway is the way in; the five services, their
// databases and the data-platform stand-in are for this machine only.
const GATEWAY_PORT = 3870;

describe('What the embedded platform listens on', () => {
  let platform: EmbeddedPlatform | undefined;
  let receiver: Awaited<ReturnType<typeof startDataPlatformReceiver>> | undefined;

  afterAll(async () => {
    await platform?.stop();
    await receiver?.close();
  }, 60_000);

  it('When it runs with the defaults, then nothing but the gateway listens beyond 127.0.0.1', async () => {
    receiver = await startDataPlatformReceiver(GATEWAY_PORT + 14);
    platform = await startEmbeddedPlatform({ gatewayPort: GATEWAY_PORT, env: { LOG_LEVEL: 'silent' } });

    const sockets = listeningSockets(process.pid);

    expect(sockets.map((s) => s.port)).toEqual(
      expect.arrayContaining([GATEWAY_PORT, GATEWAY_PORT + 1, GATEWAY_PORT + 14]),
    );
    expect(sockets.filter((s) => !s.loopback)).toEqual([
      { address: expect.any(String), port: GATEWAY_PORT, loopback: false },
    ]);
  }, 120_000);
});
