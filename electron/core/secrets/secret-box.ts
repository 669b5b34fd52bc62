/**
 * Where account passwords and tokens are sealed before they touch the store.
 * The Electron host uses the OS keychain via safeStorage; the browser host a
 * key file outside the database. Neither ever writes a secret in clear.
 */
export interface SecretBox {
  /** Null when secrets can be stored safely; otherwise the reason they cannot. */
  unavailableReason(): string | null;
  seal(plain: string): string;
  open(sealed: string): string;
}
