import type { Redis } from 'ioredis';
import type { Stoppable } from '../http';

/**
 * A Redis connection's last step on shutdown. QUIT lets pending replies arrive; while Redis is away
 * a client without an offline queue cannot send it, and only disconnecting stops its reconnecting.
 */
export function stopRedis(redis: Redis): Stoppable {
  return {
    name: 'redis',
    stop: () =>
      redis.quit().then(
        () => undefined,
        () => redis.disconnect(),
      ),
  };
}
