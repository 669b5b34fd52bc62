/**
 * Which accounts' servers cannot be reached right now. An unreachable server
 * is not the message's fault: its items wait without using attempts, and a
 * cheap TCP probe (with growing pauses) says when to try them again.
 * Each account is judged on its own: one dead server says nothing about the
 * others, and after a few failed probes in a row the wait is reported as a
 * failure the user has to fix (a wrong host or port waits forever otherwise).
 */
import { connect } from 'node:net';
import type { Account, UnreachableServer } from '../../../shared/model';

export type Probe = (endpoint: Pick<Account, 'host' | 'port'>) => Promise<boolean>;

export const tcpProbe: Probe = ({ host, port }) =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(5000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

export interface ProbePolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Failed probes in a row after which the server is reported as a settings problem, not a passing outage. */
  persistentAfter?: number;
}
export const DEFAULT_PROBE_POLICY: ProbePolicy = { firstDelayMs: 2000, maxDelayMs: 60_000, persistentAfter: 3 };
const DEFAULT_PERSISTENT_AFTER = 3;

interface Blocked {
  host: string;
  port: number;
  failedProbes: number;
  timer: NodeJS.Timeout | null;
}

export class Reachability {
  private readonly blocked = new Map<string, Blocked>();

  constructor(
    private readonly probe: Probe,
    private readonly onChange: () => void,
    private readonly policy: ProbePolicy = DEFAULT_PROBE_POLICY,
  ) {}

  get unreachableCount(): number {
    return this.blocked.size;
  }

  isBlocked(accountId: string): boolean {
    return this.blocked.has(accountId);
  }

  /** Every account whose server is unreachable now, for the status the window shows. */
  unreachable(): UnreachableServer[] {
    const persistentAfter = this.policy.persistentAfter ?? DEFAULT_PERSISTENT_AFTER;
    return [...this.blocked].map(([accountId, b]) => ({
      accountId,
      host: b.host,
      port: b.port,
      failedProbes: b.failedProbes,
      persistent: b.failedProbes >= persistentAfter,
    }));
  }

  block(account: Pick<Account, 'id' | 'host' | 'port'>): void {
    if (this.blocked.has(account.id)) return;
    this.blocked.set(account.id, { host: account.host, port: account.port, failedProbes: 0, timer: null });
    this.schedule(account, this.policy.firstDelayMs);
    this.onChange();
  }

  /** Forget every verdict (network back, machine resumed): the next send finds out afresh. */
  clear(): void {
    if (!this.blocked.size) return;
    for (const b of this.blocked.values()) if (b.timer) clearTimeout(b.timer);
    this.blocked.clear();
    this.onChange();
  }

  stop(): void {
    for (const b of this.blocked.values()) if (b.timer) clearTimeout(b.timer);
    this.blocked.clear();
  }

  private schedule(account: Pick<Account, 'id' | 'host' | 'port'>, delay: number): void {
    const entry = this.blocked.get(account.id);
    if (!entry) return;
    entry.timer = setTimeout(async () => {
      if (this.blocked.get(account.id) !== entry) return;
      const reachable = await this.probe(account);
      // Cleared or re-blocked while the probe ran: that verdict is no longer ours to change.
      if (this.blocked.get(account.id) !== entry) return;
      if (reachable) {
        this.blocked.delete(account.id);
      } else {
        entry.failedProbes += 1;
        this.schedule(account, Math.min(delay * 2, this.policy.maxDelayMs));
      }
      this.onChange();
    }, delay);
  }
}
