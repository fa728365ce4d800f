import type { SqlExecutor } from '../db';
import type { EventEnvelope } from '../events';
import type { Reaction } from './reaction';

/** Splits items, in order, into runs of at most `maxSize`: `together` says whether `next` joins the open run. */
export function consecutiveRuns<T>(items: T[], together: (run: T[], next: T) => boolean, maxSize: number): T[][] {
  const runs: T[][] = [];
  for (const item of items) {
    const open = runs.at(-1);
    if (open && open.length < maxSize && together(open, item)) open.push(item);
    else runs.push([item]);
  }
  return runs;
}

export interface RunInOrder<Tx extends SqlExecutor, D> {
  /** The run's row locks, taken before any event is applied (see `EventConsumerOptions.lockRun`). */
  lockRun?: (events: EventEnvelope<unknown>[], tx: Tx) => Promise<void>;
  /** Wraps each call to a reaction with the deliveries it applies (the consumer opens a span there). */
  around?: (deliveries: D[], call: () => Promise<void>) => Promise<void>;
}

/**
 * How a run of events fetched together meets its reactions, in one transaction: the run's row locks
 * first, then in order consecutive events of a reaction that takes batches together, every other
 * event by itself. Tests that apply runs without a broker go through here too, so they lock as the
 * consumer does.
 */
export async function applyRunInOrder<
  Tx extends SqlExecutor,
  D extends { reaction: Reaction<Tx>; event: EventEnvelope<unknown> },
>(deliveries: D[], tx: Tx, { lockRun, around = (_, call) => call() }: RunInOrder<Tx, D> = {}): Promise<void> {
  await lockRun?.(
    deliveries.map((d) => d.event),
    tx,
  );
  const sameReaction = (run: D[], next: D) => next.reaction === run[0]?.reaction;
  for (const run of consecutiveRuns(deliveries, sameReaction, Number.POSITIVE_INFINITY)) {
    const { handle, handleBatch } = (run[0] as D).reaction;
    if (handleBatch && run.length > 1)
      await around(run, () =>
        handleBatch(
          run.map((d) => d.event as EventEnvelope<never>),
          tx,
        ),
      );
    else for (const delivery of run) await around([delivery], () => handle(delivery.event as EventEnvelope<never>, tx));
  }
}
