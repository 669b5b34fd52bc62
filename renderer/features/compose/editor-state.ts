/** Shared by the editor and its toolbar: the editable area's id and the formatting at the cursor. */
import { useEditorState, type Editor } from '@tiptap/react';

export const MESSAGE_ID = 'compose-message';

export function useFormatState(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
    }),
  });
}
