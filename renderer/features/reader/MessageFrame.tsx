/**
 * A sender's HTML in its sandboxed frame (see frame-csp-logic.ts for the
 * walls). Once loaded, the app styles it through the CSSOM, makes its links
 * reachable by keyboard and routes their clicks to `onLink` (they have no
 * href, so nothing else can follow them), and fills inline cid: images
 * from the message's parts as blob: URLs.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { MessageDetail } from '../../../shared/mail-model';
import { useApi } from '../../app/api-context';
import { useT } from '../../i18n/use-t';
import { FRAME_SANDBOX, frameCsp } from './frame-csp-logic';
import { frameDocument } from './frame-document';
import { DATA, normalizeContentId } from './html-policy-logic';
import { applyFrameStyles } from './message-frame-styles';
import { fetchAttachment } from './reader-actions';
import { sanitizeHtml } from './sanitize-html';

interface Props {
  message: MessageDetail & { html: string };
  onLink(href: string, text: string): void;
}

export function MessageFrame({ message, onLink }: Props) {
  const { t, language } = useT();
  const api = useApi();
  const ref = useRef<HTMLIFrameElement>(null);
  const remoteImages = message.remoteContentAllowed;
  const clean = useMemo(() => sanitizeHtml(message.html, remoteImages), [message.html, remoteImages]);
  const srcdoc = useMemo(() => frameDocument(clean, { remoteImages }), [clean, remoteImages]);
  const onLinkRef = useRef(onLink);
  onLinkRef.current = onLink;
  const blobUrls = useRef<string[]>([]);

  // The CSP attribute is read when the frame navigates: it is set first, then the document.
  useLayoutEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    frame.setAttribute('csp', frameCsp({ remoteImages }));
    frame.srcdoc = srcdoc;
  }, [srcdoc, remoteImages]);

  useEffect(
    () => () => {
      for (const url of blobUrls.current) URL.revokeObjectURL(url);
      blobUrls.current = [];
    },
    [message.id],
  );

  const onLoad = () => {
    const doc = ref.current?.contentDocument;
    if (!doc || doc.URL !== 'about:srcdoc') return;
    applyFrameStyles(doc, clean.css);
    for (const link of doc.querySelectorAll<HTMLElement>(`[${DATA.href}]`)) {
      link.tabIndex = 0;
      link.setAttribute('role', 'link');
      link.title = link.getAttribute(DATA.href) ?? '';
    }
    const follow = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.(`[${DATA.href}]`);
      if (!link) return;
      event.preventDefault();
      onLinkRef.current(link.getAttribute(DATA.href) ?? '', link.textContent ?? '');
    };
    doc.addEventListener('click', follow);
    doc.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') follow(event);
    });
    for (const image of doc.querySelectorAll<HTMLImageElement>(`img[${DATA.cid}]`)) {
      const wanted = image.getAttribute(DATA.cid) ?? '';
      const part = message.attachments.find((a) => a.contentId !== null && normalizeContentId(a.contentId) === wanted);
      if (!part) continue;
      void fetchAttachment(api, message.id, part.partId).then((result) => {
        if (!result.ok || !image.isConnected) return;
        const url = URL.createObjectURL(result.blob);
        blobUrls.current.push(url);
        image.src = url;
      });
    }
  };

  return (
    <iframe
      ref={ref}
      className="message-frame"
      title={t('reader.frameTitle')}
      sandbox={FRAME_SANDBOX}
      referrerPolicy="no-referrer"
      lang={language}
      onLoad={onLoad}
    />
  );
}
