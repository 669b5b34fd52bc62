/**
 * The data model of mail read from servers (IMAP accounts and the local sandbox mailbox): folders,
 * message summaries for lists, a message opened for reading, and the windowed list query.
 * Every type is inferred from its schema, so a shape is written exactly once.
 */
import { z } from 'zod';
import { IdSchema, MailboxSchema, ReasonSchema } from './model';

/** Special-use roles (RFC 6154), plus the local sandbox's mailbox and the folder of delivery reports. */
export const FOLDER_ROLES = ['inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'reports', 'other'] as const;
export type FolderRole = (typeof FOLDER_ROLES)[number];

export const FolderSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  /** The server's path (e.g. "INBOX", "Archive/2026"); shown by its last part. */
  path: z.string(),
  name: z.string(),
  delimiter: z.string().nullable(),
  role: z.enum(FOLDER_ROLES),
  /** Can hold messages (\Noselect folders only group others). */
  selectable: z.boolean(),
  total: z.number().int(),
  unread: z.number().int(),
});
export type Folder = z.infer<typeof FolderSchema>;

export const MessageFlagsSchema = z.object({
  seen: z.boolean(),
  flagged: z.boolean(),
  answered: z.boolean(),
  draft: z.boolean(),
});
export type MessageFlags = z.infer<typeof MessageFlagsSchema>;

/** One row of a message list: what the list shows, nothing more. */
export const MessageSummarySchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  folderId: IdSchema,
  /** The Message-ID header, without angle brackets; '' when the message has none. */
  messageId: z.string(),
  subject: z.string(),
  from: MailboxSchema.nullable(),
  to: z.array(MailboxSchema),
  /** The Date header (epoch ms), else the server's arrival time. */
  date: z.number(),
  size: z.number().int(),
  flags: MessageFlagsSchema,
  hasAttachments: z.boolean(),
  /** The first words of the text, once the body has been fetched; '' before. */
  preview: z.string(),
  /** Conversation key (the root of References/In-Reply-To, else the message's own id). */
  threadId: z.string(),
  /** Messages in this row's conversation, when the list is grouped; 1 otherwise. */
  threadSize: z.number().int(),
  /** The body is on disk: the message opens offline. */
  cached: z.boolean(),
});
export type MessageSummary = z.infer<typeof MessageSummarySchema>;

export const MailAttachmentSchema = z.object({
  /** The MIME part's number (e.g. "2" or "1.2"), which names it within the message. */
  partId: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  /** Set for parts the HTML refers to as cid:… */
  contentId: z.string().nullable(),
  inline: z.boolean(),
});
export type MailAttachment = z.infer<typeof MailAttachmentSchema>;

/** A message opened for reading. HTML is the sender's, unmodified: the renderer shows it only in its sandboxed frame. */
export const MessageDetailSchema = MessageSummarySchema.extend({
  cc: z.array(MailboxSchema),
  replyTo: z.array(MailboxSchema),
  inReplyTo: z.string(),
  references: z.array(z.string()),
  text: z.string().nullable(),
  html: z.string().nullable(),
  attachments: z.array(MailAttachmentSchema),
  /** The HTML refers to remote content (images, styles): "Load images" is offered. */
  hasRemoteContent: z.boolean(),
  /** The user allowed remote content for this message or for its sender. */
  remoteContentAllowed: z.boolean(),
  /** Set when the MIME could not be parsed cleanly; the text shown is what could be recovered. */
  problem: ReasonSchema.nullable(),
  /** Mail-Followup-To: Reply all goes there when the sender set it. */
  followupTo: z.array(MailboxSchema).optional(),
  /** The sender asked for a read receipt (Disposition-Notification-To): where it would go and what became of it. */
  receiptRequest: z.object({ address: z.string(), answer: z.enum(['pending', 'sent', 'declined']) }).nullable().optional(),
});
export type MessageDetail = z.infer<typeof MessageDetailSchema>;

export const LIST_SORTS = ['date', 'from', 'subject', 'size'] as const;

/** Limits on what a list request may ask for: the renderer asks for the rows it shows. */
export const MAIL_LIMITS = { windowRows: 500, queryChars: 500, attachmentChunkBytes: 1024 * 1024, actionIds: 5000 } as const;

/** A window of a folder (or of search results), sorted and filtered in SQL. */
export const MailListRequestSchema = z.strictObject({
  /** A folder; omitted with a query: search every folder of every account. */
  folderId: IdSchema.optional(),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAIL_LIMITS.windowRows),
  sort: z.enum(LIST_SORTS).default('date'),
  descending: z.boolean().default(true),
  unreadOnly: z.boolean().default(false),
  flaggedOnly: z.boolean().default(false),
  /** One row per conversation. */
  threads: z.boolean().default(false),
  /** Full-text search over senders, recipients, subject and body text. */
  query: z.string().max(MAIL_LIMITS.queryChars).optional(),
});
export type MailListRequest = z.input<typeof MailListRequestSchema>;

export const MailListSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(MessageSummarySchema),
});
export type MailList = z.infer<typeof MailListSchema>;

/** One bounded piece of an attachment's bytes: big files never cross the process boundary whole. */
export const AttachmentChunkRequestSchema = z.strictObject({
  id: IdSchema,
  partId: z.string().regex(/^\d+(\.\d+)*$/).max(64),
  offset: z.number().int().min(0),
});
export const AttachmentChunkSchema = z.object({
  name: z.string(),
  type: z.string(),
  total: z.number().int(),
  offset: z.number().int(),
  contentBase64: z.string(),
});
export type AttachmentChunk = z.infer<typeof AttachmentChunkSchema>;

export const SYNC_STATES = ['idle', 'syncing', 'offline', 'error'] as const;

/** How an account's incoming side is doing, pushed as it changes. */
export const SyncStatusSchema = z.object({
  accountId: IdSchema,
  state: z.enum(SYNC_STATES),
  /** Messages whose headers are in the store, of those the server reported, during a sync. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  lastSyncAt: z.number().nullable(),
  error: ReasonSchema.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** A folder's contents changed: lists showing it ask again for their window. */
export const MailChangedSchema = z.object({
  folderId: IdSchema,
  added: z.array(IdSchema),
  updated: z.array(IdSchema),
  removed: z.array(IdSchema),
});
export type MailChanged = z.infer<typeof MailChangedSchema>;

/** What Test connection found on an IMAP server. */
export const ImapCapabilitiesSchema = z.object({
  idle: z.boolean(),
  condstore: z.boolean(),
  qresync: z.boolean(),
  move: z.boolean(),
  uidplus: z.boolean(),
  specialUse: z.boolean(),
  /** APPENDLIMIT in octets, null when not advertised. */
  appendLimit: z.number().int().nullable(),
  auth: z.array(z.string()),
});
export type ImapCapabilities = z.infer<typeof ImapCapabilitiesSchema>;

export const IncomingConnectionTestSchema = z.object({
  capabilities: ImapCapabilitiesSchema,
  secure: z.boolean(),
  certificate: z.object({ sha256: z.string(), subject: z.string(), issuer: z.string(), validTo: z.string() }).nullable(),
  greeting: z.string(),
});
export type IncomingConnectionTest = z.infer<typeof IncomingConnectionTestSchema>;

/**
 * What a user does to mail. Applied to the local store at once, queued durably, replayed on the
 * server in order when it is reachable (features of issue "Answer and file mail").
 */
export const MAIL_ACTION_KINDS = ['seen', 'unseen', 'flag', 'unflag', 'move', 'archive', 'delete', 'junk', 'notJunk'] as const;
export type MailActionKind = (typeof MAIL_ACTION_KINDS)[number];

export const MailActionRequestSchema = z.strictObject({
  kind: z.enum(MAIL_ACTION_KINDS),
  /** Messages of one account. */
  ids: z.array(IdSchema).min(1).max(MAIL_LIMITS.actionIds),
  /** For `move`: the folder, of the same account. */
  folderId: IdSchema.optional(),
});
export type MailActionRequest = z.infer<typeof MailActionRequestSchema>;

export const MailActionResultSchema = z.object({
  actionId: IdSchema,
  kind: z.enum(MAIL_ACTION_KINDS),
  /** Messages it applied to. */
  count: z.number().int(),
  /** Delete, move, archive and junk can be undone (mail.undo) until the user moves on. */
  undoable: z.boolean(),
});
export type MailActionResult = z.infer<typeof MailActionResultSchema>;

/** An action the server could not take (the message was gone, the folder refused): reported once, never retried in a storm. */
export const MailActionConflictSchema = z.object({
  actionId: IdSchema,
  accountId: IdSchema,
  kind: z.enum(MAIL_ACTION_KINDS),
  count: z.number().int(),
  at: z.number(),
  reason: ReasonSchema,
});
export type MailActionConflict = z.infer<typeof MailActionConflictSchema>;

/** The queue of actions waiting for an account's server, and the conflicts not yet dismissed. */
export const PendingActionsSchema = z.object({
  accountId: IdSchema,
  pending: z.number().int(),
  conflicts: z.array(MailActionConflictSchema),
});
export type PendingActions = z.infer<typeof PendingActionsSchema>;

/** New mail arrived in an Inbox (never for mail found by an account's first sync). */
export const NewMailSchema = z.object({
  accountId: IdSchema,
  folderId: IdSchema,
  count: z.number().int(),
  latest: z.array(z.object({ id: IdSchema, from: MailboxSchema.nullable(), subject: z.string() })).max(5),
});
export type NewMail = z.infer<typeof NewMailSchema>;

/** A delivery report or receipt that matched no message we sent: kept and listed, never dropped. */
export const UnmatchedReportSchema = z.object({
  /** The report's message in the mail store. */
  id: IdSchema,
  subject: z.string(),
  from: z.string(),
  at: z.number(),
  kind: z.enum(['delivery-status', 'disposition', 'unstructured']),
});
export type UnmatchedReport = z.infer<typeof UnmatchedReportSchema>;

/** The server's SEARCH in one folder (what the local index cannot see): done, offline when the server could not be asked, none when the folder has no server (the sandbox). */
export const ServerSearchRequestSchema = z.strictObject({ folderId: IdSchema, query: z.string().min(1).max(MAIL_LIMITS.queryChars) });
export const ServerSearchResultSchema = z.object({
  state: z.enum(['done', 'offline', 'none']),
  /** UIDs the server matched (at most the newest 500). */
  found: z.number().int(),
  /** Of those, messages that were not in the cache and were fetched now. */
  fetched: z.number().int(),
});
export type ServerSearchResult = z.infer<typeof ServerSearchResultSchema>;
