/**
 * Who may talk to the core through the browser host. The address printed at
 * start carries a launch token that works once: the first page to present it
 * gets a session of its own (kept in that page's sessionStorage, so a reload
 * finds it again) and the token is spent. A session lives while its page is
 * connected and for a short grace after, long enough for a reload, then ends.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Long enough for a reload on a busy machine; short enough that a closed page's session does not linger. */
export const DEFAULT_SESSION_GRACE_MS = 30_000;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const newSecret = (): string => randomBytes(24).toString('base64url');

interface Session {
  id: string;
  /** The socket of the page holding it, or null between a close and the next connect. */
  connected: boolean;
  expiry: NodeJS.Timeout | null;
}

export class BridgeSessions {
  private readonly tokens = new Set<string>();
  private readonly sessions: Session[] = [];

  constructor(
    private readonly graceMs = DEFAULT_SESSION_GRACE_MS,
    /** Told when a launch token has been traded, so whatever carried it (a launch file) can go. */
    private readonly onSpent: (token: string) => void = () => undefined,
  ) {}

  /** A fresh launch token, good for one trade. */
  issueToken(): string {
    const token = newSecret();
    this.tokens.add(token);
    return token;
  }

  /** Trades an unspent launch token for a new session id; null for any other string. */
  trade(candidate: string): string | null {
    const token = [...this.tokens].find((t) => sameSecret(t, candidate));
    if (token === undefined) return null;
    this.tokens.delete(token);
    this.onSpent(token);
    const session: Session = { id: newSecret(), connected: false, expiry: null };
    this.sessions.push(session);
    return session.id;
  }

  /** Claims a live session for a connecting page: refused when unknown, expired, or held by another open socket. */
  claim(candidate: string): boolean {
    const session = this.find(candidate);
    if (!session || session.connected) return false;
    if (session.expiry) clearTimeout(session.expiry);
    session.expiry = null;
    session.connected = true;
    return true;
  }

  /** The page's socket closed: the session waits out the grace for a reload, then ends. */
  release(candidate: string): void {
    const session = this.find(candidate);
    if (!session) return;
    session.connected = false;
    session.expiry = setTimeout(() => this.end(session), this.graceMs);
    session.expiry.unref();
  }

  /** Ends every session and spends every token (the host is stopping). */
  clear(): void {
    for (const session of this.sessions.splice(0)) if (session.expiry) clearTimeout(session.expiry);
    this.tokens.clear();
  }

  private find(candidate: string): Session | undefined {
    return candidate ? this.sessions.find((s) => sameSecret(s.id, candidate)) : undefined;
  }

  private end(session: Session): void {
    const index = this.sessions.indexOf(session);
    if (index >= 0 && !session.connected) this.sessions.splice(index, 1);
  }
}
