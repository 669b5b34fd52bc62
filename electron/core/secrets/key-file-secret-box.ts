/**
 * AES-256-GCM with a random key kept in its own 0600 file beside (never in)
 * the database, so a copied database alone reveals no password.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, writeSync, closeSync, fsyncSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretBox } from './secret-box';

const VERSION = 'v1';

export class KeyFileSecretBox implements SecretBox {
  private key: Buffer | null = null;

  constructor(private readonly keyFile: string) {}

  unavailableReason(): string | null {
    return null;
  }

  private loadKey(): Buffer {
    if (this.key) return this.key;
    if (!existsSync(this.keyFile)) {
      mkdirSync(dirname(this.keyFile), { recursive: true, mode: 0o700 });
      const fd = openSync(this.keyFile, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(32));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    chmodSync(this.keyFile, 0o600);
    const key = readFileSync(this.keyFile);
    if (key.length !== 32) throw new Error(`The key file ${this.keyFile} is damaged.`);
    this.key = key;
    return key;
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string): string {
    const [version, data] = sealed.split(':');
    if (version !== VERSION || !data) throw new Error('Unknown secret format.');
    const raw = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.loadKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
