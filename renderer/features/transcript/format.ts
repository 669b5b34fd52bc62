/** Pure wording of a transcript line. */
import type { TranscriptEntry } from '../../../shared/model';
import { t } from '../../i18n/t';

export function directionMark(direction: TranscriptEntry['direction']): string {
  return t(`transcript.dir.${direction}`);
}

export function directionName(direction: TranscriptEntry['direction']): string {
  return t(`transcript.dirName.${direction}`);
}

/** The reply line as the server sent it; the code is put back if the core stored it apart. */
export function lineText(entry: Pick<TranscriptEntry, 'direction' | 'code' | 'enhanced' | 'text'>): string {
  if (entry.direction !== 'server' || entry.code === undefined || entry.text.startsWith(String(entry.code))) return entry.text;
  const prefix = entry.enhanced && !entry.text.startsWith(entry.enhanced) ? `${entry.code} ${entry.enhanced}` : String(entry.code);
  return entry.text ? `${prefix} ${entry.text}` : prefix;
}

/** Reply class for colouring: 2xx/3xx fine, 4xx transient, 5xx permanent. */
export function replyClass(entry: Pick<TranscriptEntry, 'direction' | 'code'>): 'ok' | 'transient' | 'permanent' | null {
  if (entry.direction !== 'server' || entry.code === undefined) return null;
  if (entry.code >= 500) return 'permanent';
  if (entry.code >= 400) return 'transient';
  return 'ok';
}
