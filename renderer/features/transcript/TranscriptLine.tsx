/** One SMTP step: when, who spoke, and what was said. */
import { memo } from 'react';
import type { TranscriptEntry } from '../../../shared/model';
import { formatClockMs, isoTime } from '../../format/time';
import { directionMark, directionName, lineText, replyClass } from './format';
import { useT } from '../../i18n/use-t';

export const TranscriptLine = memo(function TranscriptLine({ entry }: { entry: TranscriptEntry }) {
  useT();
  const reply = replyClass(entry);
  return (
    <div className={`line line-${entry.direction}${reply ? ` reply-${reply}` : ''}`}>
      <time className="line-time" dateTime={isoTime(entry.at)}>
        {formatClockMs(entry.at)}
      </time>{' '}
      <abbr className="line-dir" title={directionName(entry.direction)}>
        {directionMark(entry.direction)}
      </abbr>{' '}
      <span className="line-text">{lineText(entry)}</span>
    </div>
  );
});
