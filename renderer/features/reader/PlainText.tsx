/** A text body: its characters as text, never as markup, with web and mail addresses made into links that ask first. */
import { useMemo, type KeyboardEvent } from 'react';
import { linkify } from './linkify-logic';

export function PlainText({ text, onLink }: { text: string; onLink(href: string, text: string): void }) {
  const segments = useMemo(() => linkify(text), [text]);
  return (
    <pre className="plain-text">
      {segments.map((segment, i) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          // No href: a link in a message is followed only after its target was shown.
          <span
            key={i}
            role="link"
            tabIndex={0}
            className="text-link"
            title={segment.href}
            onClick={() => onLink(segment.href, segment.text)}
            onKeyDown={(event: KeyboardEvent) => {
              if (event.key === 'Enter') onLink(segment.href, segment.text);
            }}
          >
            {segment.text}
          </span>
        ),
      )}
    </pre>
  );
}
