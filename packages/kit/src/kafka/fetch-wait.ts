/**
 * How long a consumer's fetch waits at the broker for data. It does not delay events (the broker
 * answers as soon as one arrives); it sets how often an idle consumer asks again, and how long a
 * stop or rebalance can wait, since kafkajs heartbeats and leaves only between fetches. At 100 ms
 * an idle platform's eleven consumers sent the broker 110 fetches a second, most of its idle CPU and
 * of the services' (profiled); at 500 ms a stop waits at most half a second per consumer.
 */
export const FETCH_WAIT_MS = 500;
