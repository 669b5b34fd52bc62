/**
 * Bold, Italic, Bulleted list, Numbered list, Link, Quote. A toolbar: one Tab
 * stop, Left/Right/Home/End move between the buttons. Each toggle says whether
 * it is on at the cursor (aria-pressed) and names its shortcut. Pressing a
 * button keeps the editor's selection (mousedown does not take focus).
 */
import type { Editor } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/t';
import { Icon, type IconName } from '../icons/Icon';
import { MESSAGE_ID, useFormatState } from './editor-state';

type Format = 'bold' | 'italic' | 'bulletList' | 'orderedList' | 'link' | 'blockquote';

const BUTTONS: { format: Format; label: MessageKey; icon: IconName; keys: string; shortcut: string }[] = [
  { format: 'bold', label: 'format.bold', icon: 'bold', keys: 'Control+B Meta+B', shortcut: 'Ctrl+B' },
  { format: 'italic', label: 'format.italic', icon: 'italic', keys: 'Control+I Meta+I', shortcut: 'Ctrl+I' },
  { format: 'bulletList', label: 'format.bulletList', icon: 'bulletList', keys: 'Control+Shift+8 Meta+Shift+8', shortcut: 'Ctrl+Shift+8' },
  { format: 'orderedList', label: 'format.orderedList', icon: 'orderedList', keys: 'Control+Shift+7 Meta+Shift+7', shortcut: 'Ctrl+Shift+7' },
  { format: 'link', label: 'format.link', icon: 'link', keys: 'Control+K Meta+K', shortcut: 'Ctrl+K' },
  { format: 'blockquote', label: 'format.quote', icon: 'quote', keys: 'Control+Shift+B Meta+Shift+B', shortcut: 'Ctrl+Shift+B' },
];

function toggle(editor: Editor, format: Exclude<Format, 'link'>): void {
  const chain = editor.chain().focus();
  if (format === 'bold') chain.toggleBold().run();
  else if (format === 'italic') chain.toggleItalic().run();
  else if (format === 'bulletList') chain.toggleBulletList().run();
  else if (format === 'orderedList') chain.toggleOrderedList().run();
  else chain.toggleBlockquote().run();
}

export function FormatToolbar({ editor, onLink, linkOpen, controls = MESSAGE_ID }: { editor: Editor; onLink(): void; linkOpen: boolean; /** The id of the text it formats. */ controls?: string }) {
  const { t } = useT();
  const state = useFormatState(editor);
  const [current, setCurrent] = useState(0);
  const ref = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = BUTTONS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (current === last ? 0 : current + 1)
      : event.key === 'ArrowLeft' ? (current === 0 ? last : current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    ref.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <div ref={ref} role="toolbar" aria-label={t('format.toolbar')} aria-controls={controls} className="format-toolbar" onKeyDown={onKeyDown}>
      {BUTTONS.map((button, index) => {
        const pressed = button.format === 'link' ? state.link || linkOpen : state[button.format];
        const name = t(button.label);
        return (
          <button
            key={button.format}
            type="button"
            className="format-button"
            tabIndex={index === current ? 0 : -1}
            aria-pressed={pressed}
            aria-keyshortcuts={button.keys}
            title={t('format.withShortcut', { name, shortcut: button.shortcut })}
            aria-label={name}
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setCurrent(index)}
            onClick={() => (button.format === 'link' ? onLink() : toggle(editor, button.format))}
          >
            <Icon name={button.icon} />
          </button>
        );
      })}
    </div>
  );
}
