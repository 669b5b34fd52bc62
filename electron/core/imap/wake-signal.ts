/** A sleep that can be cut short: the sync loop waits on it between rounds and backoff attempts. */
export class WakeSignal {
  private waiters: (() => void)[] = [];

  /** Resolves true when woken, false when the time ran out. */
  wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (woken: boolean) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(woken);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.waiters.push(wake);
    });
  }

  wake(): void {
    for (const waiter of this.waiters.slice()) waiter();
  }
}
