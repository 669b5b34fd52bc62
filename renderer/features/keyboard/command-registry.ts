/**
 * Named commands the keyboard (and the help dialog) can run, registered by the
 * features that own them: reply lives with replying, archive with filing. The
 * keyboard layer only knows the names, so no feature imports another.
 */
export const MAIL_COMMANDS = [
  'newMessage',
  'reply',
  'replyAll',
  'forward',
  'archive',
  'delete',
  'junk',
  'toggleRead',
  'toggleStar',
  'undo',
  'next',
  'previous',
  'focusSearch',
] as const;
export type MailCommand = (typeof MAIL_COMMANDS)[number];

const handlers = new Map<MailCommand, () => void>();

/** Registers what a command does; the returned function unregisters it (if still the same handler). */
export function registerMailCommand(name: MailCommand, handler: () => void): () => void {
  handlers.set(name, handler);
  return () => {
    if (handlers.get(name) === handler) handlers.delete(name);
  };
}

/** Runs a command; false when nothing can run it now (no message open, for instance). */
export function runMailCommand(name: MailCommand): boolean {
  const handler = handlers.get(name);
  if (!handler) return false;
  handler();
  return true;
}
