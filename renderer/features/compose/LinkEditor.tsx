/**
 * Link (Ctrl+K): a small form under the message for the link's address.
 * Apply links the text that was selected when the form opened, exactly that
 * (`range`, taken then: once focus is in the address field the editor's
 * selection is no longer the user's), or inserts the address as a link where
 * the cursor was; Remove link takes the link off; Escape goes back to the
 * message without closing Compose. An address already there is selected, so
 * typing replaces it instead of adding to it.
 */
import type { Editor } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { linkPlan, normalizeLink } from './rich-text-logic';

export interface LinkRange {
  from: number;
  to: number;
}

/**
 * The selection as the user sees it, when the link field opens. The DOM's
 * selection is read when the editor has it: the editor's own copy is updated
 * from a selectionchange event, which may not have arrived for the last
 * Shift+Arrow or double-click (the link then went one character short, or
 * became new text).
 */
export function selectedRange(editor: Editor): LinkRange {
  const { view } = editor;
  const dom = view.dom.ownerDocument.getSelection();
  if (dom?.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
    try {
      return { from: view.posAtDOM(dom.anchorNode, dom.anchorOffset), to: view.posAtDOM(dom.focusNode, dom.focusOffset) };
    } catch {
      // A DOM point ProseMirror cannot place: its own selection is the best there is.
    }
  }
  const { from, to } = editor.state.selection;
  return { from, to };
}

export function LinkEditor({ editor, range, onDone }: { editor: Editor; range: LinkRange; onDone(): void }) {
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
    const plan = linkPlan(range, href, editor.isActive('link'));
    const chain = editor.chain().focus();
    if (plan.kind === 'insert') {
      chain.setTextSelection(plan.at).insertContent({ type: 'text', text: plan.text, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else if (plan.kind === 'editLink') {
      chain.setTextSelection(plan.at).extendMarkRange('link').setLink({ href }).run();
    } else {
      chain.setTextSelection({ from: plan.from, to: plan.to }).setLink({ href }).run();
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
        onFocus={(e) => e.currentTarget.select()}
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
