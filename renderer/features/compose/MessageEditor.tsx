/**
 * The message body: a Tiptap editor (StarterKit + Link) whose editable area is
 * a textbox named "Message", and a formatting toolbar below it (the toolbar
 * pattern: one Tab stop, arrow keys between buttons, each button's state in
 * aria-pressed). Every change gives Compose the plain text and, when the body
 * has formatting, the HTML.
 *
 * Tiptap's own <style> injection is off: the window's Content-Security-Policy
 * allows no inline styles, so the few rules ProseMirror needs are in compose.css.
 */
import { Extension, EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../i18n/t';
import { useT } from '../../i18n/use-t';
import { useComposeStore } from '../../store/compose';
import { MESSAGE_ID } from './editor-state';
import { FormatToolbar } from './FormatToolbar';
import { LinkEditor, selectedRange, type LinkRange } from './LinkEditor';
import { docToText, hasFormatting, textToHtml } from './rich-text-logic';

/**
 * Ctrl/Cmd+Enter belongs to the form (Send), not to the editor (whose hard
 * break would add a line to the message just before it goes).
 */
const LeaveSendShortcut = Extension.create({
  name: 'leaveSendShortcut',
  priority: 1000,
  addKeyboardShortcuts: () => ({ 'Mod-Enter': () => true }),
});

/** The rich text a message body (and a signature) may hold. */
export const RICH_TEXT_EXTENSIONS = [
  StarterKit.configure({
    // What the toolbar offers, and what reads well as plain text too.
    heading: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
  }),
  Link.configure({ openOnClick: false, autolink: true, linkOnPaste: true, defaultProtocol: 'https', protocols: ['mailto'] }),
  LeaveSendShortcut,
];

function bodyFromStore(): string {
  const { fields } = useComposeStore.getState();
  return fields.html || textToHtml(fields.text);
}

function report(editor: Editor): void {
  const doc = editor.getJSON();
  useComposeStore.getState().setBody(docToText(doc), hasFormatting(doc) ? editor.getHTML() : '');
}

export function MessageEditor() {
  useT();
  const bodyVersion = useComposeStore((s) => s.bodyVersion);
  const [linkRange, setLinkRange] = useState<LinkRange | null>(null);
  const linkOpen = linkRange !== null;
  const loadedVersion = useRef(bodyVersion);
  const editor = useEditor({
    extensions: RICH_TEXT_EXTENSIONS,
    content: bodyFromStore(),
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      // A function, so the name follows the UI language.
      attributes: () => ({
        id: MESSAGE_ID,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('compose.message'),
        class: 'message-editor',
      }),
    },
    onUpdate: ({ editor: changed }) => report(changed),
  });

  // The body replaced from outside (a mailto: link while Compose is open).
  useEffect(() => {
    if (loadedVersion.current === bodyVersion) return;
    loadedVersion.current = bodyVersion;
    editor.commands.setContent(bodyFromStore(), { emitUpdate: false });
  }, [bodyVersion, editor]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The editor swallows Escape before the dialog hears it (no cancel event from a contenteditable),
    // so the body closes Compose itself, the same way the dialog would: what was written is kept.
    if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      useComposeStore.getState().close();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setLinkRange(selectedRange(editor));
    }
  };

  return (
    <div className="compose-body">
      <div className="editor-scroll" onKeyDown={onKeyDown}>
        <EditorContent editor={editor} />
      </div>
      {linkRange && <LinkEditor editor={editor} range={linkRange} onDone={() => setLinkRange(null)} />}
      <FormatToolbar editor={editor} onLink={() => setLinkRange(selectedRange(editor))} linkOpen={linkOpen} />
    </div>
  );
}
