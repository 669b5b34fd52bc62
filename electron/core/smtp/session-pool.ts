/**
 * Open, logged-in SMTP connections kept for a few seconds after a message went
 * through, so the next message for the same account skips connect, EHLO,
 * STARTTLS and AUTH. Only connections that ended a transaction cleanly come back.
 */
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Capabilities } from '../../../shared/model';
import type { TranscriptLine } from './transcript-logger';

export type LineSink = (line: TranscriptLine & { connectionId: string }) => void;

export interface SmtpSession {
  readonly key: string;
  readonly id: string;
  readonly conn: SMTPConnection;
  capabilities: Capabilities | null;
  /** Where this connection's transcript lines go now (the message being sent). */
  sink: LineSink | null;
  /** Who hears about a connection error now. */
  onError: ((error: SMTPConnection.SMTPError) => void) | null;
  /** A TCP connection was made (see SendOutcome.reachedServer). */
  reachedServer: boolean;
  closed: boolean;
}

export class SessionPool {
  private readonly idle = new Map<string, { session: SmtpSession; timer: NodeJS.Timeout }[]>();

  constructor(private readonly idleMs = 5000) {}

  /** A parked session for this key that is still open, if any. */
  take(key: string): SmtpSession | undefined {
    const parked = this.idle.get(key) ?? [];
    while (parked.length) {
      const { session, timer } = parked.pop()!;
      clearTimeout(timer);
      if (!session.closed) return session;
    }
    return undefined;
  }

  park(session: SmtpSession): void {
    const parked = this.idle.get(session.key) ?? [];
    const timer = setTimeout(() => {
      this.drop(session);
      session.conn.quit();
    }, this.idleMs);
    timer.unref();
    parked.push({ session, timer });
    this.idle.set(session.key, parked);
  }

  /** Forgets a session (closed by the server while parked). */
  drop(session: SmtpSession): void {
    const parked = this.idle.get(session.key);
    if (!parked) return;
    const index = parked.findIndex((p) => p.session === session);
    if (index >= 0) clearTimeout(parked.splice(index, 1)[0]!.timer);
  }

  /** QUIT every parked connection (shutdown). */
  close(): void {
    for (const parked of this.idle.values()) {
      for (const { session, timer } of parked) {
        clearTimeout(timer);
        session.conn.quit();
      }
    }
    this.idle.clear();
  }
}
