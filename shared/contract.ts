/**
 * The IPC contract: every command the renderer may call and every event the
 * main process may push. Handlers, the preload API and the renderer client are
 * all typed from this one table; no channel name is written anywhere else.
 */
import { z } from 'zod';
import type { Result } from './errors';
import {
  AccountInputSchema,
  AttachmentInputSchema,
  ComposeRequestSchema,
  DraftSaveSchema,
  DraftSchema,
  SendProgressSchema,
  AccountSchema,
  AppStatusSchema,
  DraftInputSchema,
  IdSchema,
  OutboxItemSchema,
  OutboxListRequestSchema,
  SandboxMessageSchema,
  SettingsSchema,
  TranscriptEntrySchema,
  UploadAppendSchema,
  UploadBeginSchema,
  UploadRefSchema,
  type Account,
  type AppStatus,
  type ConnectionTest,
  type DiscoveredSettings,
  type Draft,
  type StoredAttachment,
  type OutboxItem,
  type OutboxList,
  type SandboxMessage,
  type Settings,
  type TranscriptEntry,
} from './model';
import {
  AttachmentChunkRequestSchema,
  FolderSchema,
  MailChangedSchema,
  MailListRequestSchema,
  MailActionRequestSchema,
  NewMailSchema,
  PendingActionsSchema,
  type MailActionResult,
  type PendingActions,
  SyncStatusSchema,
  ServerSearchRequestSchema,
  type ServerSearchResult,
  type AttachmentChunk,
  type Folder,
  type IncomingConnectionTest,
  type MailList,
  type MessageDetail,
  type SyncStatus,
  type UnmatchedReport,
} from './mail-model';
import { UpdateStateSchema, type UpdateState } from './update-model';
import { ExternalUrlSchema } from './external-url';

/** A response type carried at compile time only: responses come from our own main process. */
declare const responseBrand: unique symbol;
type Returns<T> = { readonly [responseBrand]?: T };
const returns = <T>(): Returns<T> => ({});

const command = <S extends z.ZodType, T>(request: S, response: Returns<T>) => ({ request, response });

const Empty = z.strictObject({});
const ById = z.strictObject({ id: IdSchema });

export const commands = {
  'outbox.submit': command(DraftInputSchema, returns<OutboxItem>()),
  'outbox.abort': command(ById, returns<OutboxItem>()),
  /** Every item, whole: for tests and tools only; the window asks for outbox.window. */
  /** A window of the Outbox, Sent or Drafts (its cancelled items) with every state's count; rows are summaries, outbox.get the whole item. */
  'outbox.window': command(OutboxListRequestSchema, returns<OutboxList>()),
  'outbox.get': command(ById, returns<OutboxItem>()),
  /** Retry now: a deferred or failed item goes back to the queue at once. */
  'outbox.retry': command(ById, returns<OutboxItem>()),
  /** Removes a sent, failed or cancelled item; one still waiting must be cancelled first. */
  'outbox.delete': command(ById, returns<{ id: string }>()),
  'drafts.save': command(DraftSaveSchema, returns<Draft>()),
  'drafts.list': command(Empty, returns<Draft[]>()),
  'drafts.delete': command(ById, returns<{ id: string }>()),
  /** Stores a file once and names it by hash, so drafts and Undo can refer to it without sending it again. */
  'attachments.put': command(AttachmentInputSchema, returns<StoredAttachment>()),
  /** A file in pieces of at most LIMITS.uploadChunkBytes: begin, append each piece at its offset, commit (or cancel). */
  'attachments.begin': command(UploadBeginSchema, returns<{ uploadId: string }>()),
  'attachments.append': command(UploadAppendSchema, returns<{ received: number }>()),
  /** Checks that every byte came, stores the file once by its hash, and names it like attachments.put. */
  'attachments.commit': command(UploadRefSchema, returns<StoredAttachment>()),
  'attachments.cancel': command(UploadRefSchema, returns<{ uploadId: string }>()),
  'transcript.get': command(ById, returns<TranscriptEntry[]>()),
  'sandbox.list': command(Empty, returns<SandboxMessage[]>()),
  'accounts.list': command(Empty, returns<Account[]>()),
  'accounts.save': command(AccountInputSchema, returns<Account>()),
  'accounts.remove': command(ById, returns<Account[]>()),
  /** Connects, says EHLO, authenticates and quits: the capabilities, or a coded error (TLS_FAILED carries the certificate). */
  'accounts.test': command(ById, returns<ConnectionTest>()),
  /** Trust the certificate the server presents now, if its fingerprint is the one the user saw. */
  'accounts.trustCertificate': command(
    z.strictObject({
      id: IdSchema,
      sha256: z.string().regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/),
      /** Which half's server presented it; the outgoing one when omitted. */
      server: z.enum(['outgoing', 'incoming']).optional(),
    }),
    returns<Account>(),
  ),
  /** Looks up server settings for an address (autoconfig at the domain, then its well-known URL). */
  'accounts.discover': command(z.strictObject({ address: z.string().max(320) }), returns<DiscoveredSettings>()),
  /** Connects to the IMAP server, logs in and logs out: what it offers, or a coded error (TLS_FAILED carries the certificate). */
  'accounts.testIncoming': command(ById, returns<IncomingConnectionTest>()),
  'mail.folders': command(Empty, returns<Folder[]>()),
  /** A window of a folder or of search results; no command returns a whole mailbox. */
  'mail.list': command(MailListRequestSchema, returns<MailList>()),
  /** Opens a message: from the cache, else fetched from the server (NOT_CONNECTED when offline and not cached). */
  'mail.get': command(ById, returns<MessageDetail>()),
  'mail.attachment': command(AttachmentChunkRequestSchema, returns<AttachmentChunk>()),
  /** Load remote content for this message, or always for its sender. */
  'mail.allowRemoteContent': command(z.strictObject({ id: IdSchema, scope: z.enum(['message', 'sender']) }), returns<MessageDetail>()),
  /** Sync now (one account, or all). */
  'mail.sync': command(z.strictObject({ accountId: IdSchema.optional() }), returns<SyncStatus[]>()),
  'mail.syncStatus': command(Empty, returns<SyncStatus[]>()),
  /** Asks the folder's server for matches the local index cannot see; what it finds is cached, so mail.list shows it. */
  'mail.searchServer': command(ServerSearchRequestSchema, returns<ServerSearchResult>()),
  'app.status': command(Empty, returns<AppStatus>()),
  /** Opens an http(s) or mailto link outside the app; `opened: false` where the host has no way to (the browser host: the page opens it). */
  'app.openExternal': command(z.strictObject({ url: ExternalUrlSchema }), returns<{ opened: boolean }>()),
  'settings.get': command(Empty, returns<Settings>()),
  'settings.update': command(SettingsSchema.partial(), returns<Settings>()),
  /** Restart into the downloaded update, once no message is being sent (NOT_READY when none is downloaded). */
  'app.restartToUpdate': command(Empty, returns<UpdateState>()),
  // The Sent copy (issue 11): try a failed copy in the server's Sent folder again now.
  'outbox.retrySentCopy': command(ById, returns<OutboxItem>()),
  // Delivery reports and read receipts (issue 12).
  /** The user's answer to a message's request for a read receipt: sent through the outbox, or declined; asked once. */
  'mail.answerReceipt': command(z.strictObject({ id: IdSchema, send: z.boolean() }), returns<MessageDetail>()),
  /** Delivery reports and receipts that matched no message sent from here, newest first. */
  'reports.unmatched': command(Empty, returns<UnmatchedReport[]>()),
  // Mailbox actions (issue 11): applied at once, queued durably, replayed on the server in order.
  'mail.act': command(MailActionRequestSchema, returns<MailActionResult>()),
  /** Takes an action back: locally while it waits, by its inverse once the server had it. */
  'mail.undo': command(z.strictObject({ actionId: IdSchema }), returns<MailActionResult>()),
  /** Deletes every message in a Trash folder for good (the window asks first). */
  'mail.emptyTrash': command(z.strictObject({ folderId: IdSchema }), returns<{ count: number }>()),
  'mail.actions': command(Empty, returns<PendingActions[]>()),
  'mail.dismissConflicts': command(z.strictObject({ accountId: IdSchema }), returns<PendingActions>()),
  // Replying and forwarding (issue 11).
  /** A received message's attachments (or the message itself, as message/rfc822) stored for a forward. */
  'mail.forwardAttachments': command(z.strictObject({ id: IdSchema, asMessage: z.boolean() }), returns<StoredAttachment[]>()),
} as const;

export const events = {
  'outbox:changed': OutboxItemSchema,
  'smtp:response': TranscriptEntrySchema,
  'app:status': AppStatusSchema,
  'sandbox:received': SandboxMessageSchema,
  'accounts:changed': z.array(AccountSchema),
  'settings:changed': SettingsSchema,
  'outbox:removed': z.object({ id: IdSchema }),
  'drafts:changed': z.array(DraftSchema),
  'smtp:progress': SendProgressSchema,
  /** The host asks the window to open Compose (a mailto: link was opened). */
  'app:compose': ComposeRequestSchema,
  'mail:folders': z.array(FolderSchema),
  'mail:changed': MailChangedSchema,
  'mail:sync': SyncStatusSchema,
  /** An update was downloaded, or its restart is waiting or under way. */
  'app:update': UpdateStateSchema,
  /** New mail in an Inbox after the account's first sync: the host notifies, the window counts. */
  'mail:newMail': NewMailSchema,
  /** An account's queue of mailbox actions changed (pending count, conflicts to show once). */
  'mail:actions': PendingActionsSchema,
  /** New mail notices: the host asks the window to show this message (its desktop notification was clicked). */
  'app:openMessage': z.object({ folderId: IdSchema, id: IdSchema }),
} as const;

export type CommandName = keyof typeof commands;
export type EventName = keyof typeof events;
export type RequestOf<N extends CommandName> = z.input<(typeof commands)[N]['request']>;
export type ResponseOf<N extends CommandName> = (typeof commands)[N]['response'] extends Returns<infer T> ? T : never;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/** Low-level transport every host provides: one request/response call and one event subscription. */
export interface Transport {
  invoke(name: CommandName, request: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type GroupOf<N> = N extends `${infer G}.${string}` ? G : never;
type MethodsOf<G extends string> = {
  [N in CommandName as N extends `${G}.${infer M}` ? M : never]: (request: RequestOf<N>) => Promise<Result<ResponseOf<N>>>;
};

/** What the renderer sees as `window.mail`: one method per command, grouped ("outbox.submit" → mail.outbox.submit). */
export type MailApi = { [G in GroupOf<CommandName>]: MethodsOf<G> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Builds the typed API from a transport; used by the preload and by the browser bridge client. */
export function buildMailApi(transport: Transport): MailApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of COMMAND_NAMES) {
    const [group, method] = name.split('.') as [string, string];
    api[group] ??= {};
    (api[group] as Record<string, unknown>)[method] = (request: unknown) => transport.invoke(name, request);
  }
  const on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  return Object.assign(api, { on }) as unknown as MailApi;
}
