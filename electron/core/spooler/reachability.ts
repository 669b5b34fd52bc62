/**
 * Which accounts' servers cannot be reached right now. An unreachable server
 * is not the message's fault: its items wait without using attempts, and a
 * cheap TCP probe (with growing pauses) says when to try them again.
 */
import { connect } from 'node:net';
import type { Account } from '../../../shared/model';

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
}
export const DEFAULT_PROBE_POLICY: ProbePolicy = { firstDelayMs: 2000, maxDelayMs: 60_000 };

export class Reachability {
  private readonly blocked = new Map<string, NodeJS.Timeout | null>();

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

  block(account: Pick<Account, 'id' | 'host' | 'port'>): void {
    if (this.blocked.has(account.id)) return;
    this.blocked.set(account.id, null);
    this.schedule(account, this.policy.firstDelayMs);
    this.onChange();
  }

  /** Forget every verdict (network back, machine resumed): the next send finds out afresh. */
  clear(): void {
    if (!this.blocked.size) return;
    for (const timer of this.blocked.values()) if (timer) clearTimeout(timer);
    this.blocked.clear();
    this.onChange();
  }

  stop(): void {
    for (const timer of this.blocked.values()) if (timer) clearTimeout(timer);
    this.blocked.clear();
  }

  private schedule(account: Pick<Account, 'id' | 'host' | 'port'>, delay: number): void {
    const timer = setTimeout(async () => {
      if (!this.blocked.has(account.id)) return;
      if (await this.probe(account)) {
        this.blocked.delete(account.id);
        this.onChange();
      } else if (this.blocked.has(account.id)) {
        this.schedule(account, Math.min(delay * 2, this.policy.maxDelayMs));
      }
    }, delay);
    this.blocked.set(account.id, timer);
  }
}
