/** Identifiers fixed at submit: the item id, the Message-ID header and the DSN envelope id. */
import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** RFC 5322 msg-id; the right side is the sender's domain so replies thread sensibly. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1).replace(/[^A-Za-z0-9.-]/g, '') || 'outbox-mail.localhost';
  return `<${randomBytes(12).toString('hex')}.${Date.now().toString(36)}@${domain}>`;
}

/** RFC 3461 ENVID: printable ASCII with no '+' or '=' so it never needs xtext escaping. */
export const newEnvid = (): string => `om-${randomBytes(16).toString('hex')}`;
