/**
 * An account's signature, in the same rich text as a message body (bold,
 * italic, lists, links) with the same toolbar and Ctrl+K; it reports the
 * plain text and, when there is formatting, the HTML.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';
import type { Signature } from '../../../../shared/model';
import { useT } from '../../../i18n/use-t';
import { FormatToolbar } from '../../compose/FormatToolbar';
import { LinkEditor, selectedRange, type LinkRange } from '../../compose/LinkEditor';
import { RICH_TEXT_EXTENSIONS } from '../../compose/MessageEditor';
import { docToText, hasFormatting, textToHtml } from '../../compose/rich-text-logic';

export function SignatureEditor({ value, onChange }: { value: Signature | null; onChange(next: { text: string; html: string }): void }) {
  const { t } = useT();
  const [linkRange, setLinkRange] = useState<LinkRange | null>(null);
  const linkOpen = linkRange !== null;
  const editor = useEditor({
    extensions: RICH_TEXT_EXTENSIONS,
    content: value ? value.html || textToHtml(value.text) : '',
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        id: 'account-signature',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('account.signature'),
        'aria-describedby': 'account-signature-hint',
        class: 'message-editor signature-editor',
      },
    },
    onUpdate: ({ editor: changed }) => {
      const doc = changed.getJSON();
      onChange({ text: docToText(doc), html: hasFormatting(doc) ? changed.getHTML() : '' });
    },
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setLinkRange(selectedRange(editor));
    }
  };
  return (
    <div className="field compose-body">
      <span className="field-label" aria-hidden="true">
        {t('account.signature')}
      </span>
      <div className="editor-scroll" onKeyDown={onKeyDown}>
        <EditorContent editor={editor} />
      </div>
      {linkRange && <LinkEditor editor={editor} range={linkRange} onDone={() => setLinkRange(null)} />}
      <FormatToolbar editor={editor} onLink={() => setLinkRange(selectedRange(editor))} linkOpen={linkOpen} controls="account-signature" />
      <p id="account-signature-hint" className="field-hint">
        {t('account.signatureHint')}
      </p>
    </div>
  );
}
