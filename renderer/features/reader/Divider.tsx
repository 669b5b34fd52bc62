/**
 * The movable divider between the list and the reading pane: dragged with
 * the pointer, or focused and moved with the arrow keys (Home/End to the
 * ends). The position is remembered (reader store).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { useReaderStore } from '../../store/reader';
import { SPLIT_MAX, SPLIT_MIN, splitAfterKey } from '../../store/reader-logic';

export function Divider({ vertical, container }: { vertical: boolean; container: () => HTMLElement | null }) {
  const { t } = useT();
  const split = useReaderStore((s) => s.split);
  const setSplit = useReaderStore((s) => s.setSplit);
  const dragging = useRef(false);

  const fromPointer = (event: PointerEvent<HTMLDivElement>) => {
    const box = container()?.getBoundingClientRect();
    if (!box) return;
    setSplit(vertical ? (event.clientX - box.left) / box.width : (event.clientY - box.top) / box.height);
  };

  return (
    <div
      className={`divider ${vertical ? 'is-vertical' : 'is-horizontal'}`}
      role="separator"
      tabIndex={0}
      aria-label={t('reader.divider')}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-valuemin={Math.round(SPLIT_MIN * 100)}
      aria-valuemax={Math.round(SPLIT_MAX * 100)}
      aria-valuenow={Math.round(split * 100)}
      onKeyDown={(event: KeyboardEvent) => {
        const next = splitAfterKey(split, event.key);
        if (next === null) return;
        event.preventDefault();
        setSplit(next);
      }}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={(event) => {
        if (dragging.current) fromPointer(event);
      }}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
    />
  );
}
