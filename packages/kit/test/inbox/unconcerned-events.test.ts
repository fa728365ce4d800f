import { eventually } from '../../src/testing';
import type { CounterWorld } from '../support/counter-fixture';
import { createWorld } from '../support/world-setup';

describe('Events a reaction is not concerned with', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;

  beforeEach(async () => {
    ({ world, cleanUp } = await createWorld());
  });
  afterEach(() => cleanUp());

  it('When a reaction is concerned only with some events, then the others are skipped without a transaction or an inbox row, and the rest still take effect once, in order', async () => {
    await world.writeEvents(['a', 'b'], 20);
    await world.publishBacklog();
    await world.consumer({ shareTransactions: true, concerns: ({ seq }) => seq % 2 === 0 }).start();

    const effects = await eventually(
      'the 20 even effects',
      () => world.effects(),
      (e) => e.total >= 20,
    );
    // The fixture counts an effect whose seq does not follow the last one applied: with every odd
    // seq skipped, that is each key's effects after its first (2 keys × 9), and never more.
    expect(effects).toEqual({ total: 20, distinct: 20, outOfOrder: 18 });
    expect(await world.inboxRows()).toBe(20);
  });
});
