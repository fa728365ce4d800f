import { kafkajsInternal } from './kafkajs-internals';

interface InFlightRequest {
  sentAt: number;
  requestTimeout: number;
  timeoutRequest(): void;
}

interface RequestQueueInternals {
  pending: unknown[];
  inflight: Map<number, InFlightRequest>;
  throttledUntil: number;
  enforceRequestTimeout: boolean;
  requestTimeoutIntervalId: NodeJS.Timeout | undefined;
  isConnected(): boolean;
  destroy(): void;
  scheduleCheckPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
  sendSocketRequest(request: unknown): void;
}

/** How often requests in flight are checked against their timeout (30 s unless a request says more). */
const TIMEOUT_CHECK_MS = 1000;

/**
 * kafkajs 2.2.4 keeps two timers running on every broker connection while nothing happens, which
 * made most of an idle service's CPU (profiled); both are only needed while requests are under way.
 */
export function quietIdleConnections(): void {
  const queue = kafkajsInternal<{ prototype: RequestQueueInternals }>('./src/network/requestQueue')?.prototype;
  if (!queue || (queue as { quieted?: boolean }).quieted) return;
  Object.assign(queue, { quieted: true });
  checkPendingOnlyWhenNeeded(queue);
  checkTimeoutsOnlyInFlight(queue);
}

/**
 * It re-arms a 1 ms timer forever, even with nothing pending (tulios/kafkajs#1556, #1704; unreleased
 * upstream): measured 40 ms of CPU a second per client, and Node 24 warns about the negative timeout
 * it computes. The check is only needed while requests wait or the broker throttles us.
 */
function checkPendingOnlyWhenNeeded(queue: RequestQueueInternals): void {
  const schedule = queue.scheduleCheckPendingRequests;
  queue.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.pending.length > 0 || this.throttledUntil > Date.now()) schedule.call(this);
  };
}

/**
 * It looks for timed-out requests every 100 ms from connect to close, whether or not any is in
 * flight: ten wake-ups a second per connection, and a service holds a dozen connections. The check
 * is armed by the first request in flight and disarmed once none is; once a second is plenty for
 * timeouts of 30 s.
 */
function checkTimeoutsOnlyInFlight(queue: RequestQueueInternals): void {
  const { destroy, sendSocketRequest } = queue;
  const disarm = (self: RequestQueueInternals) => {
    clearInterval(self.requestTimeoutIntervalId);
    self.requestTimeoutIntervalId = undefined;
  };
  const checkTimeouts = (self: RequestQueueInternals) => {
    const now = Date.now();
    for (const request of self.inflight.values())
      if (now - request.sentAt > request.requestTimeout) request.timeoutRequest();
    if (!self.isConnected()) self.destroy();
    else if (self.inflight.size === 0) disarm(self);
  };
  // Called on connect: the check now waits for a request.
  queue.scheduleRequestTimeoutCheck = function (this: RequestQueueInternals) {
    if (this.enforceRequestTimeout) this.destroy();
  };
  queue.destroy = function (this: RequestQueueInternals) {
    destroy.call(this);
    disarm(this);
  };
  queue.sendSocketRequest = function (this: RequestQueueInternals, request: unknown) {
    sendSocketRequest.call(this, request);
    if (this.enforceRequestTimeout && !this.requestTimeoutIntervalId && this.inflight.size > 0)
      this.requestTimeoutIntervalId = setInterval(() => checkTimeouts(this), TIMEOUT_CHECK_MS);
  };
}
