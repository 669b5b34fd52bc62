/**
 * Link (Ctrl+K): a small form under the message for the link's address.
 * Apply links the selected text (or inserts the address as a link where the
 * cursor is); Remove link takes the link off; Escape goes back to the message
 * without closing Compose.
 */
import type { Editor } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { normalizeLink } from './rich-text-logic';

export function LinkEditor({ editor, onDone }: { editor: Editor; onDone(): void }) {
  const { t } = useT();
  const current = editor.getAttributes('link')['href'];
  const [value, setValue] = useState(typeof current === 'string' ? current : '');
  const [error, setError] = useState<string | null>(null);

  const finish = () => {
    onDone();
    editor.commands.focus();
  };

  const apply = () => {
    const href = normalizeLink(value);
    if (!href) {
      setError(t('format.linkInvalid'));
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      const text = href.replace(/^mailto:/i, '');
      editor.chain().focus().insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    onDone();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // Back to the message; Compose stays open.
      event.preventDefault();
      event.stopPropagation();
      finish();
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      apply();
    }
  };

  return (
    <div className="link-editor" role="group" aria-label={t('format.link')} onKeyDown={onKeyDown}>
      <label htmlFor="compose-link">
        {t('format.linkAddress')}
      </label>
      <input
        id="compose-link"
        type="url"
        inputMode="url"
        // Opened on purpose (button or Ctrl+K): the address is what the user types next.
        autoFocus
        value={value}
        placeholder="https://"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'compose-link-error' : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
      />
      <button type="button" onClick={apply}>
        {t('format.linkApply')}
      </button>
      {editor.isActive('link') && (
        <button type="button" className="quiet" onClick={remove}>
          {t('format.linkRemove')}
        </button>
      )}
      <button type="button" className="quiet" onClick={finish}>
        {t('format.linkCancel')}
      </button>
      <span id="compose-link-error" className="field-error" role="alert">
        {error ?? ''}
      </span>
    </div>
  );
}
