import { createRequire } from 'node:module';

interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

/**
 * kafkajs 2.2.4 re-arms a 1 ms timer on every broker connection forever, even with nothing pending
 * (tulios/kafkajs#1556, #1704; unreleased upstream): measured 40 ms of CPU a second per client while
 * idle, 5–10 % of a core per service, and Node 24 warns about the negative timeout it computes.
 * The check is only needed while requests wait or the broker throttles us, so skip it otherwise.
 */
export function stopIdleRequestLoop(): void {
  const load = createRequire(require.resolve('kafkajs'));
  const { version } = load('./package.json') as { version: string };
  if (version !== '2.2.4') return; // another version: re-measure before carrying the fix over
  const RequestQueue = load('./src/network/requestQueue') as { prototype: RequestQueueInternals };
  const schedule = RequestQueue.prototype.scheduleCheckPendingRequests;
  if ((schedule as { idleLoopStopped?: boolean }).idleLoopStopped) return;
  const scheduleWhenNeeded = function (this: RequestQueueInternals) {
    if (this.pending.length > 0 || this.throttledUntil > Date.now()) schedule.call(this);
  };
  RequestQueue.prototype.scheduleCheckPendingRequests = Object.assign(scheduleWhenNeeded, { idleLoopStopped: true });
}
