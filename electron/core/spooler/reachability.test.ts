import { describe, expect, it } from 'vitest';
import { Reachability, type Probe } from './reachability';

const work = { id: 'work-account', host: 'smtp.work.test', port: 2525 };
const home = { id: 'home-account', host: 'smtp.home.test', port: 587 };
const policy = { firstDelayMs: 10, maxDelayMs: 20, persistentAfter: 3 };

describe('reachability', () => {
  it('names each unreachable account on its own, with its server', () => {
    const r = new Reachability(async () => false, () => {}, { ...policy, firstDelayMs: 60_000 });
    r.block(work);
    expect(r.isBlocked(work.id)).toBe(true);
    expect(r.isBlocked(home.id)).toBe(false);
    expect(r.unreachable()).toEqual([{ accountId: work.id, host: work.host, port: work.port, failedProbes: 0, persistent: false }]);
    r.stop();
  });

  it('after a few failed probes in a row says the wait is a failure to fix, and keeps probing', async () => {
    // Each probe waits for the test to answer it, so the count is exact whatever the machine's speed.
    const pending: ((reachable: boolean) => void)[] = [];
    const probe: Probe = () => new Promise((answer) => pending.push(answer));
    const r = new Reachability(probe, () => {}, policy);
    r.block(work);
    for (const expected of [1, 2, 3, 4]) {
      await expect.poll(() => pending.length, { timeout: 5000 }).toBe(1);
      pending.shift()!(false);
      await expect.poll(() => r.unreachable()[0]?.failedProbes, { timeout: 5000 }).toBe(expected);
      expect(r.unreachable()[0]?.persistent).toBe(expected >= 3);
    }
    await expect.poll(() => pending.length, { timeout: 5000 }).toBe(1);
    r.stop();
  });

  it('a probe that answers unblocks only its own account and tells the listener', async () => {
    let changes = 0;
    const probe: Probe = async ({ host }) => host === home.host;
    const r = new Reachability(probe, () => changes++, policy);
    r.block(work);
    r.block(home);
    await expect.poll(() => r.isBlocked(home.id), { timeout: 5000 }).toBe(false);
    expect(r.isBlocked(work.id)).toBe(true);
    expect(r.unreachable().map((u) => u.accountId)).toEqual([work.id]);
    expect(changes).toBeGreaterThanOrEqual(3);
    r.stop();
  });

  it('clear forgets the failed probes: a later block starts counting afresh', async () => {
    const r = new Reachability(async () => false, () => {}, policy);
    r.block(work);
    await expect.poll(() => r.unreachable()[0]?.persistent, { timeout: 5000 }).toBe(true);
    r.clear();
    expect(r.unreachable()).toEqual([]);
    r.block(work);
    expect(r.unreachable()[0]).toMatchObject({ failedProbes: 0, persistent: false });
    r.stop();
  });
});
