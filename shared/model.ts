/**
 * The data model shared by both processes. Every type is inferred from its
 * schema, so a shape is written exactly once.
 */
import { z } from 'zod';
import { ERROR_CODES, WARNING_CODES, type Reason } from './errors';
import { isSafeText } from './text-safety';
import { LANGUAGES } from './i18n/language-logic';

export const OUTBOX_STATES = ['queued', 'sending', 'deferred', 'sent', 'failed', 'cancelled'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Upper bounds on what the renderer may hand over; beyond them the request is refused, not truncated. */
export const LIMITS = {
  /** One address field: 1,000 recipients of 320 characters with their separators (322,000), and room for names. */
  addressField: 400_000,
  subject: 998,
  bodyChars: 10_000_000,
  delaySeconds: 60,
  attachmentsPerMessage: 20,
  /** Per attachment, decoded. */
  attachmentBytes: 25 * 1024 * 1024,
  /**
   * One piece of an upload (attachments.append), decoded: no message on either host grows with the file.
   * Small, because each piece's base64 text and bytes are garbage in the main process until collected:
   * pieces of 1 MB made a 20 MB upload grow its RSS by 1.4× the file, pieces of 256 kB by about 0.6× (npm run bench).
   */
  uploadChunkBytes: 256 * 1024,
  /** Uploads open at once; one not touched for this long is dropped with its partial file. */
  openUploads: 8,
  uploadIdleMs: 10 * 60 * 1000,
  /** Send later: at most a year ahead. */
  sendAtMaxAheadMs: 366 * 24 * 3600 * 1000,
  signatureChars: 20_000,
} as const;

/** One line of text a person wrote (a subject, a name): no line breaks, controls or bidi overrides. */
const noLineBreak = (max: number) =>
  z.string().max(max).refine(isSafeText, { message: 'must not contain line breaks, control characters or direction overrides' });

export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a valid id');

export const MailboxSchema = z.object({
  name: z.string().max(256).optional(),
  address: z.string().max(320),
});
export type Mailbox = z.infer<typeof MailboxSchema>;

/** A Message-ID as the mail model keeps it: without angle brackets, no spaces, no line breaks. */
export const MessageIdRefSchema = z.string().min(3).max(995).regex(/^[^<>\s]+@[^<>\s]+$/, 'not a Message-ID');

/** What makes a reply part of its conversation: the In-Reply-To and References headers (RFC 5322 §3.6.4). */
export const ThreadingSchema = z.strictObject({
  inReplyTo: MessageIdRefSchema,
  /** Oldest first, ending with the message replied to; at most 100 kept (the first and the latest). */
  references: z.array(MessageIdRefSchema).max(100),
});
export type Threading = z.infer<typeof ThreadingSchema>;

export const DsnRequestSchema = z.strictObject({
  notify: z.strictObject({ success: z.boolean(), failure: z.boolean(), delay: z.boolean() }),
  ret: z.enum(['headers', 'full']),
});
export type DsnRequest = z.infer<typeof DsnRequestSchema>;
export const DEFAULT_DSN: DsnRequest = { notify: { success: true, failure: true, delay: true }, ret: 'headers' };

/** A file name as the recipient will see it: no path, no control characters. */
const FileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\/\\\t]/.test(s) && isSafeText(s) && s !== '.' && s !== '..', { message: 'must be a plain file name' });

const MimeTypeSchema = z.string().regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'not a MIME type').max(127);

export const AttachmentInputSchema = z.strictObject({
  name: FileNameSchema,
  type: MimeTypeSchema,
  /** The file's bytes, base64: the renderer never hands the main process a path to read. */
  contentBase64: z.string().max(Math.ceil(LIMITS.attachmentBytes / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
});
export type AttachmentInput = z.infer<typeof AttachmentInputSchema>;

/** Starts a chunked upload of one file: its name, type and size in bytes, known before the first piece. */
export const UploadBeginSchema = z.strictObject({ name: FileNameSchema, type: MimeTypeSchema, size: z.number().int().min(0).max(LIMITS.attachmentBytes) });
export type UploadBegin = z.infer<typeof UploadBeginSchema>;

/** The next piece of an upload; `offset` must be the number of bytes the core already has, so a piece lost or sent twice is refused. */
export const UploadAppendSchema = z.strictObject({
  uploadId: IdSchema,
  offset: z.number().int().min(0).max(LIMITS.attachmentBytes),
  chunkBase64: z.string().max(Math.ceil(LIMITS.uploadChunkBytes / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
});
export type UploadAppend = z.infer<typeof UploadAppendSchema>;

export const UploadRefSchema = z.strictObject({ uploadId: IdSchema });

/** An attachment as the outbox keeps it: the bytes live in a content-addressed file. */
export const StoredAttachmentSchema = z.object({
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type StoredAttachment = z.infer<typeof StoredAttachmentSchema>;

/** An attachment already in the store (from attachments.put, a draft or an earlier message), named by its hash. */
export const AttachmentRefSchema = z.strictObject({
  name: FileNameSchema,
  type: MimeTypeSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/** What Compose submits. Addresses arrive as typed and are parsed in the main process. */
export const DraftInputSchema = z.strictObject({
  accountId: IdSchema.optional(),
  to: z.string().max(LIMITS.addressField),
  cc: z.string().max(LIMITS.addressField).optional(),
  bcc: z.string().max(LIMITS.addressField).optional(),
  subject: noLineBreak(LIMITS.subject),
  text: z.string().max(LIMITS.bodyChars),
  /** The rich-text body; `text` is then its plain alternative. */
  html: z.string().max(LIMITS.bodyChars).optional(),
  /** Delivery receipts for this message; defaults to the account's. */
  dsn: DsnRequestSchema.optional(),
  /** Undo-send window: the item is held this long before the spooler may take it. Defaults to the setting. */
  delaySeconds: z.number().int().min(0).max(LIMITS.delaySeconds).optional(),
  /** Send later: epoch milliseconds. Stored as the item's notBefore, so it survives restarts. */
  sendAt: z.number().int().positive().optional(),
  attachments: z.array(z.union([AttachmentInputSchema, AttachmentRefSchema])).max(LIMITS.attachmentsPerMessage).optional(),
  /** The saved draft this message came from: it leaves Drafts in the same write that queues the message. */
  draftId: IdSchema.optional(),
  /** Set for a reply: the message it answers and its conversation. */
  threading: ThreadingSchema.optional(),
  /** Ask for a read receipt (Disposition-Notification-To, RFC 8098); off unless the user asks. */
  readReceipt: z.boolean().optional(),
});
export type DraftInput = z.infer<typeof DraftInputSchema>;

/** A message being written, saved as the user types so it survives a crash. */
export const DraftSaveSchema = z.strictObject({
  id: IdSchema.optional(),
  accountId: IdSchema.optional(),
  to: z.string().max(LIMITS.addressField),
  cc: z.string().max(LIMITS.addressField),
  bcc: z.string().max(LIMITS.addressField),
  subject: noLineBreak(LIMITS.subject),
  text: z.string().max(LIMITS.bodyChars),
  html: z.string().max(LIMITS.bodyChars).optional(),
  dsn: DsnRequestSchema.optional(),
  attachments: z.array(AttachmentRefSchema).max(LIMITS.attachmentsPerMessage),
  threading: ThreadingSchema.optional(),
  readReceipt: z.boolean().optional(),
});
export type DraftSave = z.infer<typeof DraftSaveSchema>;

export const DraftSchema = z.object({
  id: IdSchema,
  updatedAt: z.number(),
  accountId: IdSchema.optional(),
  to: z.string(),
  cc: z.string(),
  bcc: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  dsn: DsnRequestSchema.optional(),
  attachments: z.array(StoredAttachmentSchema),
  threading: ThreadingSchema.optional(),
  readReceipt: z.boolean().optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** Bytes of the message handed to the server so far, while DATA runs. */
export const SendProgressSchema = z.object({ itemId: IdSchema, sent: z.number().int(), total: z.number().int() });
export type SendProgress = z.infer<typeof SendProgressSchema>;

/** Fields to open Compose with (from a mailto: link). */
export const ComposeRequestSchema = z.object({ to: z.string(), cc: z.string(), bcc: z.string(), subject: z.string(), text: z.string() });
export type ComposeRequest = z.infer<typeof ComposeRequestSchema>;

export const SmtpReplySchema = z.object({
  code: z.number().int(),
  enhanced: z.string().optional(),
  text: z.string(),
});
export type SmtpReply = z.infer<typeof SmtpReplySchema>;

/** What a delivery report said about one recipient (RFC 3464 Action), kept in the order reports arrived. */
export const DELIVERY_STATES = ['relayed', 'expanded', 'delayed', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DeliveryEventSchema = z.object({
  state: z.enum(DELIVERY_STATES),
  /** When the reporting server says it happened (its Last-Attempt or Arrival date), else when the report arrived. */
  at: z.number(),
  /** RFC 3463 status code ("5.1.1"). */
  status: z.string().nullable(),
  /** The remote server's own words. */
  diagnostic: z.string().nullable(),
  reportingMta: z.string().nullable(),
  /** For `delayed`: the server keeps trying until then. */
  retryUntil: z.number().nullable(),
  /** The report this came from (its Message-ID, else a hash of it), so a report seen twice counts once. */
  reportId: z.string(),
});
export type DeliveryEvent = z.infer<typeof DeliveryEventSchema>;

export const ReadReceiptSchema = z.object({
  disposition: z.enum(['displayed', 'deleted', 'dispatched', 'processed']),
  at: z.number(),
  reportId: z.string(),
});
export type ReadReceipt = z.infer<typeof ReadReceiptSchema>;

export const RecipientSchema = z.object({
  address: z.string(),
  name: z.string().optional(),
  field: z.enum(['to', 'cc', 'bcc']),
  state: z.enum(['pending', 'accepted', 'rejected']),
  reply: SmtpReplySchema.optional(),
  /** What delivery reports said after our server accepted the message: the current state and its history. */
  delivery: z.object({ state: z.enum(DELIVERY_STATES), events: z.array(DeliveryEventSchema) }).optional(),
  readReceipt: ReadReceiptSchema.optional(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const ReasonSchema: z.ZodType<Reason> = z.lazy(() =>
  z.object({ key: z.string().regex(/^reason\.\w+$/), values: z.record(z.string(), z.union([z.string(), z.number(), ReasonSchema])).optional() }),
);

/** `message` is the English wording, for logs and for rows written before reasons existed. */
export const ItemErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string(), reason: ReasonSchema.optional() });

/**
 * The copy of a sent message filed in the account's Sent folder on the IMAP server: a further
 * durable step after `sent`. `appending` is written before the APPEND, so after a crash the
 * folder is searched for the Message-ID before appending again.
 */
export const SENT_COPY_STATES = ['pending', 'appending', 'filed', 'skipped', 'failed'] as const;
export type SentCopyState = (typeof SENT_COPY_STATES)[number];
export const SentCopySchema = z.object({
  state: z.enum(SENT_COPY_STATES),
  /** The server folder it goes to, once known. */
  folder: z.string().nullable(),
  attempts: z.number().int(),
  /** No attempt before this time (retry backoff). */
  notBefore: z.number(),
  /** When it was filed, skipped or given up. */
  at: z.number().nullable(),
  /** Why the last attempt failed, or why it was skipped. */
  reason: ReasonSchema.nullable(),
});
export type SentCopy = z.infer<typeof SentCopySchema>;

/**
 * A read receipt we send (RFC 8098): what its `message/disposition-notification` part says. The
 * item's one recipient is the address the request named; `mime.ts` renders it as multipart/report.
 */
export const DispositionNoticeSchema = z.object({
  /** Our Original-Recipient, when the message said which address it was sent to. */
  originalRecipient: z.string().nullable(),
  finalRecipient: z.string(),
  /** Without brackets. */
  originalMessageId: z.string(),
  originalSubject: z.string(),
  /** manual-action/MDN-sent-manually or automatic-action/MDN-sent-automatically; always "displayed". */
  mode: z.enum(['manual', 'automatic']),
});
export type DispositionNotice = z.infer<typeof DispositionNoticeSchema>;

export const OutboxItemSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  state: z.enum(OUTBOX_STATES),
  /** Fixed at submit, never changed on retry. */
  messageId: z.string(),
  envid: z.string(),
  from: MailboxSchema,
  recipients: z.array(RecipientSchema),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  attachments: z.array(StoredAttachmentSchema),
  dsn: DsnRequestSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The spooler leaves the item alone before this time (undo-send, retry backoff). */
  notBefore: z.number(),
  attempts: z.number().int(),
  /** Set, and persisted, just before the final CRLF.CRLF: from then on cancel is too late. */
  handedOffAt: z.number().nullable(),
  sentAt: z.number().nullable(),
  lastReply: SmtpReplySchema.nullable(),
  error: ItemErrorSchema.nullable(),
  warnings: z.array(z.enum(WARNING_CODES)),
  /** In-Reply-To and References, for a reply. */
  threading: z.object({ inReplyTo: z.string(), references: z.array(z.string()) }).nullable().default(null),
  /** A read receipt was asked for. */
  readReceipt: z.boolean().default(false),
  /** The Sent copy on the server; null for accounts without an incoming server (and items from before it existed). */
  sentCopy: SentCopySchema.nullable().default(null),
  /** Set when this item is a read receipt we send in answer to a request. */
  disposition: DispositionNoticeSchema.nullable().default(null),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

/**
 * One row of the Outbox, Sent or Drafts list: the item without its body and threading, which only the
 * details pane needs (outbox.get). Most of an item's size is its text; 10,000 rows stay small without it.
 */
export const OutboxSummarySchema = OutboxItemSchema.omit({ text: true, html: true, threading: true });
export type OutboxSummary = z.infer<typeof OutboxSummarySchema>;

/** The lists of outbox items: Drafts holds the cancelled ones (next to saved drafts), Outbox every item not yet accepted. */
export const OUTBOX_VIEWS = ['outbox', 'sent', 'drafts'] as const;
export type OutboxView = (typeof OUTBOX_VIEWS)[number];
/** The states the Outbox's filter can narrow it to. */
export const OUTBOX_FILTER_STATES = ['queued', 'sending', 'deferred', 'failed'] as const;

export const OUTBOX_LIST_LIMITS = { windowRows: 500, hiddenIds: 1000 } as const;

/** A window of one outbox list, sorted and filtered in SQL, with every state's count. */
export const OutboxListRequestSchema = z.strictObject({
  view: z.enum(OUTBOX_VIEWS),
  /** Outbox only: one of its states. */
  state: z.enum(OUTBOX_FILTER_STATES).optional(),
  offset: z.number().int().min(0),
  /** 0 asks for the counts alone. */
  limit: z.number().int().min(0).max(OUTBOX_LIST_LIMITS.windowRows),
  /** Items this window hides (originals replaced by an edited copy the core could not delete): left out of rows and counts. */
  hidden: z.array(IdSchema).max(OUTBOX_LIST_LIMITS.hiddenIds).default([]),
});
export type OutboxListRequest = z.input<typeof OutboxListRequestSchema>;

export const StateCountsSchema = z.object(Object.fromEntries(OUTBOX_STATES.map((state) => [state, z.number().int()])) as Record<OutboxState, z.ZodNumber>);
export type StateCounts = z.infer<typeof StateCountsSchema>;

export const OutboxListSchema = z.object({
  /** Rows in the whole list asked for (not only this window). */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(OutboxSummarySchema),
  counts: StateCountsSchema,
});
export type OutboxList = z.infer<typeof OutboxListSchema>;

export const TranscriptEntrySchema = z.object({
  itemId: IdSchema,
  connectionId: z.string(),
  seq: z.number().int(),
  at: z.number(),
  direction: z.enum(['client', 'server', 'info', 'error']),
  /** The SMTP verb for client lines (EHLO, MAIL, RCPT, DATA ...). */
  command: z.string().optional(),
  code: z.number().int().optional(),
  enhanced: z.string().optional(),
  text: z.string(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

export const SECURITY_MODES = ['tls', 'starttls', 'none'] as const;
export const AUTH_MECHANISMS = ['none', 'plain', 'login', 'xoauth2'] as const;

/** A certificate the user chose to trust for one account (pinning), by its SHA-256 fingerprint. */
export const TrustedCertificateSchema = z.object({ sha256: z.string(), pem: z.string() });

export const SENT_COPY_MODES = ['auto', 'append', 'server'] as const;
export const RECEIPT_ANSWERS = ['ask', 'never', 'always'] as const;

/** A signature, rich text (sanitized like a message body) with its plain-text twin. */
export const SignatureSchema = z.strictObject({ html: z.string().max(LIMITS.signatureChars), text: z.string().max(LIMITS.signatureChars) });
export type Signature = z.infer<typeof SignatureSchema>;

export const AccountSchema = z.object({
  id: IdSchema,
  name: z.string(),
  from: MailboxSchema,
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  /** Implicit TLS, STARTTLS required, or none (loopback only). */
  security: z.enum(SECURITY_MODES),
  auth: z.object({ mechanism: z.enum(AUTH_MECHANISMS), username: z.string() }),
  /** Whether a password or token is stored (encrypted); the secret itself never leaves the main process. */
  hasSecret: z.boolean(),
  trustedCertificate: TrustedCertificateSchema.nullable(),
  /** Delivery receipts asked for by default on this account's messages. */
  dsn: DsnRequestSchema,
  /** The built-in local sandbox server. */
  sandbox: z.boolean(),
  /** Where mail is received (IMAP); null for an account that only sends. */
  incoming: z
    .object({
      host: z.string(),
      port: z.number().int().min(1).max(65535),
      security: z.enum(SECURITY_MODES),
      username: z.string(),
      hasSecret: z.boolean(),
      trustedCertificate: TrustedCertificateSchema.nullable(),
      /** Where the Sent copy comes from: detected (auto), appended by us, or filed by the server itself. */
      sentCopy: z.enum(SENT_COPY_MODES).default('auto'),
      /** Also keep drafts in the server's Drafts folder. */
      draftsOnServer: z.boolean().default(false),
    })
    .nullable()
    .default(null),
  /** Answering read-receipt requests in mail received: ask each time, never, or always (never for Junk). */
  readReceipts: z.enum(RECEIPT_ANSWERS).default('ask'),
  /** Put at the end of new messages (and above or below the quote of replies, by the setting). */
  signature: SignatureSchema.nullable().default(null),
});
export type Account = z.infer<typeof AccountSchema>;

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/;

/** What Settings submits to add or change an account. */
export const AccountInputSchema = z.strictObject({
  id: IdSchema.optional(),
  name: noLineBreak(100).pipe(z.string().min(1)),
  fromName: noLineBreak(256).optional(),
  fromAddress: z.string().max(320),
  host: z.string().max(253).regex(HOST, 'not a host name or IP address'),
  port: z.number().int().min(1).max(65535),
  security: z.enum(SECURITY_MODES),
  auth: z.strictObject({ mechanism: z.enum(AUTH_MECHANISMS), username: noLineBreak(320) }),
  /** Password or OAuth2 access token. Omitted: keep the stored one. Empty string: forget it. */
  secret: z.string().max(8192).optional(),
  dsn: DsnRequestSchema.optional(),
  /** The IMAP half; null removes it; omitted keeps it as stored. Its secret follows the same rule as `secret`. */
  incoming: z
    .strictObject({
      host: z.string().max(253).regex(HOST, 'not a host name or IP address'),
      port: z.number().int().min(1).max(65535),
      security: z.enum(SECURITY_MODES),
      username: noLineBreak(320),
      secret: z.string().max(8192).optional(),
      sentCopy: z.enum(SENT_COPY_MODES).optional(),
      draftsOnServer: z.boolean().optional(),
    })
    .nullable()
    .optional(),
  readReceipts: z.enum(RECEIPT_ANSWERS).optional(),
  /** null removes the signature; omitted keeps it. */
  signature: SignatureSchema.nullable().optional(),
});
export type AccountInput = z.infer<typeof AccountInputSchema>;

/** Server settings found for an address (autoconfig), for the account form to fill in. */
export const ServerSettingsSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  security: z.enum(SECURITY_MODES),
  username: z.string(),
});
export const DiscoveredSettingsSchema = z.object({
  /** Where they came from: the domain's autoconfig host, its well-known URL, or nowhere (fill in by hand). */
  source: z.enum(['autoconfig', 'well-known', 'none']),
  outgoing: ServerSettingsSchema.nullable(),
  incoming: ServerSettingsSchema.nullable(),
  displayName: z.string().nullable(),
});
export type DiscoveredSettings = z.infer<typeof DiscoveredSettingsSchema>;

/** What "Test connection" found: the EHLO keywords that matter to us. */
export const CapabilitiesSchema = z.object({
  dsn: z.boolean(),
  /** SIZE limit in octets; 0 when advertised without a limit, null when not advertised. */
  size: z.number().int().nullable(),
  smtputf8: z.boolean(),
  pipelining: z.boolean(),
  eightBitMime: z.boolean(),
  starttls: z.boolean(),
  auth: z.array(z.string()),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

export const ConnectionTestSchema = z.object({
  capabilities: CapabilitiesSchema,
  /** True when the connection was encrypted (implicit TLS or STARTTLS). */
  secure: z.boolean(),
  /** The server's certificate when encrypted. */
  certificate: z.object({ sha256: z.string(), subject: z.string(), issuer: z.string(), validTo: z.string() }).nullable(),
  greeting: z.string(),
  /** True when the test logged in; an account without a login only connects. */
  loggedIn: z.boolean(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

export const SandboxMessageSchema = z.object({
  id: z.string(),
  receivedAt: z.number(),
  mailFrom: z.string(),
  /** MAIL FROM parameters as received (RET, ENVID, SIZE ...). */
  mailParams: z.record(z.string(), z.string()),
  rcptTo: z.array(z.object({ address: z.string(), params: z.record(z.string(), z.string()) })),
  size: z.number().int(),
  messageId: z.string(),
  subject: z.string(),
});
export type SandboxMessage = z.infer<typeof SandboxMessageSchema>;

export const BODY_CACHE_DEFAULT_MB = 2048;
export const BODY_CACHE_MIN_MB = 50;
/** The body cache limit in bytes, or null for "keep everything". */
export const bodyCacheLimitBytes = (settings: Pick<Settings, 'bodyCacheMb'>): number | null => {
  const mb = settings.bodyCacheMb === undefined ? BODY_CACHE_DEFAULT_MB : settings.bodyCacheMb;
  return mb === null ? null : mb * 1024 * 1024;
};
export const SettingsSchema = z.strictObject({
  /** Undo-send: how long a sent message waits, cancellable, before it leaves. */
  undoSendSeconds: z.number().int().min(0).max(LIMITS.delaySeconds),
  /** The account new messages use; unset means the first real account, else the sandbox. */
  defaultAccountId: IdSchema.optional(),
  /** The window's language as the user chose it; unset means the system's. Kept by the core, so a new browser profile keeps it. */
  language: z.enum(LANGUAGES).optional(),
  /** Desktop notification / in-app notice for new mail in Inbox. */
  newMailNotices: z.boolean().optional(),
  /** Replies: the signature goes above the quote (else below it). */
  signatureAboveQuote: z.boolean().optional(),
  /** Delivery reports: left in Inbox, or filed into the "Delivery reports" folder. */
  reportsPlacement: z.enum(['inbox', 'folder']).optional(),
  /** Delivery reports are left out of the Inbox list (they stay in the Sent item's timeline). */
  hideReportsFromInbox: z.boolean().optional(),
  /** Message bodies kept on disk, in MB; null keeps everything. Beyond it the oldest bodies go (headers stay). Unset means BODY_CACHE_DEFAULT_MB. */
  bodyCacheMb: z.number().int().min(BODY_CACHE_MIN_MB).max(1_000_000).nullable().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = { undoSendSeconds: 5, newMailNotices: true, signatureAboveQuote: true, reportsPlacement: 'inbox', hideReportsFromInbox: false };

/** The outbox store was found damaged at start: what was lost (by the damage record), what kept, where the files went. */
export const StorageDamageSchema = z.object({
  at: z.number(),
  /** The damaged files, copied aside untouched. */
  folder: z.string(),
  lost: z.array(z.object({ kind: z.enum(['item', 'draft']), id: z.string(), subject: z.string() })),
  kept: z.object({ items: z.number().int(), drafts: z.number().int() }),
});
export type StorageDamage = z.infer<typeof StorageDamageSchema>;

/** A stored row set aside because it could not be read or did not validate. */
export const QuarantinedRowSchema = z.object({ id: z.string(), at: z.number(), reason: z.string() });
export type QuarantinedRow = z.infer<typeof QuarantinedRowSchema>;

/** An account whose server cannot be reached: its messages wait, and the window says which account and why. */
export const UnreachableServerSchema = z.object({
  accountId: z.string(),
  host: z.string(),
  port: z.number().int(),
  /** Probes that failed in a row since sending found the server unreachable. */
  failedProbes: z.number().int(),
  /** Enough probes failed that waiting will not fix it: the account's settings need a look. */
  persistent: z.boolean(),
});
export type UnreachableServer = z.infer<typeof UnreachableServerSchema>;

export const AppStatusSchema = z.object({
  phase: z.enum(['recovering', 'ready']),
  recovery: z.object({ total: z.number().int(), done: z.number().int() }),
  /** The host's network (Electron's online state); one account's server being down does not make the app offline. */
  online: z.boolean(),
  /** Accounts whose server cannot be reached now; absent from a status built before this was known. */
  unreachable: z.array(UnreachableServerSchema).optional(),
  host: z.enum(['electron', 'browser']),
  version: z.string(),
  /** Damage found at start, and rows in quarantine: shown to the user until dismissed. */
  storage: z.object({ damage: StorageDamageSchema.nullable(), quarantined: z.array(QuarantinedRowSchema), quarantinedTotal: z.number().int() }).optional(),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;

/** Whether cancel can still stop the send, and why not when it cannot (AbortSubmit semantics). */
export function cancelState(item: Pick<OutboxItem, 'state' | 'handedOffAt'>): { possible: true } | { possible: false; reason: string } {
  switch (item.state) {
    case 'queued':
    case 'deferred':
      return { possible: true };
    case 'sending':
      return item.handedOffAt === null
        ? { possible: true }
        : { possible: false, reason: 'The message has been handed to the server.' };
    case 'sent':
      return { possible: false, reason: 'The message has been sent.' };
    case 'cancelled':
      return { possible: false, reason: 'The message is already cancelled.' };
    default:
      return { possible: false, reason: `The message is ${item.state}.` };
  }
}
