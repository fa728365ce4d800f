/**
 * Lets a loop sleep until a deadline OR a wake-up, whichever comes first. A wake-up that arrives
 * while the loop is busy is remembered, so a notification is never lost between two sleeps.
 */
export class WakeSignal {
  private pending = false;
  private sleeper: { resolve: () => void; wakeable: boolean } | undefined;

  /** A new event: ends a wakeable sleep now, or the next one before it starts. */
  wake(): void {
    if (this.sleeper?.wakeable) this.sleeper.resolve();
    else this.pending = true;
  }

  /** Ends any sleep, back-off included (used on shutdown). */
  interrupt(): void {
    this.pending = true;
    this.sleeper?.resolve();
  }

  /** Sleeps up to `ms`; `wakeable: false` ignores wake-ups (used for back-off after errors). */
  sleep(ms: number, { wakeable = true } = {}): Promise<void> {
    if (wakeable && this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        this.sleeper = undefined;
        resolve();
      };
      this.sleeper = { resolve: done, wakeable };
    });
  }
}
