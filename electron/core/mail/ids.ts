/**
 * Stable ids for folders and messages, derived from what names them on the
 * server, so a resync after a lost line finds the same rows instead of adding
 * twins, and a new UIDVALIDITY gives new ids (the old UIDs mean nothing).
 */
import { createHash } from 'node:crypto';

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

export const folderIdFor = (accountId: string, path: string): string => `f${digest(`${accountId}\u0000${path}`)}`;

export const messageIdFor = (folderId: string, uidValidity: number, uid: number): string => `m${digest(`${folderId}\u0000${uidValidity}\u0000${uid}`)}`;
