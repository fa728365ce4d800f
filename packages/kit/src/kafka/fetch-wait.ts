/**
 * How long a consumer's fetch waits at the broker for data. It does not delay events (the broker
 * answers as soon as one arrives); it sets how often an idle consumer asks again. At 500 ms an idle
 * platform's eleven consumers sent the broker 22 fetches a second, most of its idle CPU (6.7 % of a
 * core, against 2.3–2.7 % at 3 s; measured). kafkajs heartbeats only between fetches, so the wait is
 * the heartbeat interval: a member still hears of a rebalance within about 3 s and heartbeats well
 * inside its 10 s session. A stop does not wait for the fetch (see `stopDuringFetch`).
 */
export const FETCH_WAIT_MS = 3000;
