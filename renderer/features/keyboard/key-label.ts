/** How a shortcut's key is written for people: arrows as arrows, Mod as Ctrl (⌘ on a Mac), Delete in the window's language. */
import type { MessageKey } from '../../../shared/i18n/en';

export function keyLabel(key: string, mac: boolean, t: (key: MessageKey) => string): string {
  if (key.startsWith('Mod+')) return `${mac ? '⌘' : t('keys.ctrl')}+${key.slice(4).toUpperCase()}`;
  if (key === 'ArrowDown') return '↓';
  if (key === 'ArrowUp') return '↑';
  if (key === 'Delete') return t('keys.delete');
  if (key === 'R') return `${t('keys.shift')}+R`;
  return key;
}

export const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
