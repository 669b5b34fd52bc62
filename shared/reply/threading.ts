/**
 * The In-Reply-To and References of a reply (RFC 5322 §3.6.4): References is
 * the parent's References (or, without them, its In-Reply-To) followed by the
 * parent's Message-ID. Long chains keep the first (the conversation's root,
 * which threads by it) and the latest.
 */
import { MessageIdRefSchema, type Threading } from '../model';

export const MAX_REFERENCES = 100;

interface Parent {
  messageId: string;
  inReplyTo: string;
  references: readonly string[];
}

const valid = (id: string): boolean => MessageIdRefSchema.safeParse(id).success;

export function threadingFor(parent: Parent): Threading | null {
  if (!valid(parent.messageId)) return null;
  const before = parent.references.length > 0 ? parent.references : parent.inReplyTo ? [parent.inReplyTo] : [];
  const chain: string[] = [];
  for (const id of [...before, parent.messageId]) if (valid(id) && !chain.includes(id)) chain.push(id);
  const references = chain.length > MAX_REFERENCES ? [chain[0] as string, ...chain.slice(chain.length - (MAX_REFERENCES - 1))] : chain;
  return { inReplyTo: parent.messageId, references };
}
