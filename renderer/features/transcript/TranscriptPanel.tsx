/**
 * The SMTP conversation of the selected message, growing live. It keeps the
 * newest line in view unless the user has scrolled up to read.
 */
import { useLayoutEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { entryKey } from '../../store/transcript-logic';
import { useTranscriptStore } from '../../store/transcript';
import { TranscriptLine } from './TranscriptLine';

export function TranscriptPanel() {
  const { t } = useT();
  const itemId = useTranscriptStore((s) => s.itemId);
  const entries = useTranscriptStore((s) => s.entries);
  const loading = useTranscriptStore((s) => s.loading);
  const loadError = useTranscriptStore((s) => s.loadError);
  const logRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && stickToBottom.current) log.scrollTop = log.scrollHeight;
  }, [entries]);

  useLayoutEffect(() => {
    stickToBottom.current = true;
  }, [itemId]);

  const onScroll = () => {
    const log = logRef.current;
    if (log) stickToBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < 8;
  };

  let note: string | null = null;
  if (loadError) note = loadError;
  else if (loading && entries.length === 0) note = t('transcript.loading');
  else if (entries.length === 0) note = t('transcript.empty');

  return (
    <section className="transcript" aria-labelledby="transcript-title">
      <h4 id="transcript-title" className="detail-section">
        {t('transcript.title')}
      </h4>
      {note && <p className={loadError ? 'panel-error' : 'muted transcript-note'}>{note}</p>}
      {/* Rendered even when empty so the live region exists before the first line. */}
      <div ref={logRef} className="transcript-log" role="log" aria-live="polite" aria-labelledby="transcript-title" tabIndex={0} onScroll={onScroll}>
        {entries.map((entry) => (
          <TranscriptLine key={entryKey(entry)} entry={entry} />
        ))}
      </div>
    </section>
  );
}
