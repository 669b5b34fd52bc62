/** Pure helpers for the sandbox inbox view. */
import type { SandboxMessage } from '../../shared/model';

export function upsertMessages(current: readonly SandboxMessage[], incoming: readonly SandboxMessage[]): SandboxMessage[] {
  if (incoming.length === 0) return current as SandboxMessage[];
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

// The DSN parameters are what users look for, so they come first.
const PARAM_ORDER = ['RET', 'ENVID', 'NOTIFY', 'ORCPT'];

/** ESMTP parameters as they were on the wire: "RET=HDRS ENVID=abc SIZE=120". */
export function paramsText(params: Readonly<Record<string, string>>): string {
  const rank = (key: string) => {
    const i = PARAM_ORDER.indexOf(key.toUpperCase());
    return i < 0 ? PARAM_ORDER.length : i;
  };
  return Object.keys(params)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => (params[key] === '' ? key : `${key}=${params[key]}`))
    .join(' ');
}

/** "bob@x.test (NOTIFY=SUCCESS,FAILURE)" for each RCPT TO. */
export function rcptText(rcpt: SandboxMessage['rcptTo'][number]): string {
  const params = paramsText(rcpt.params);
  return params ? `${rcpt.address} (${params})` : rcpt.address;
}
