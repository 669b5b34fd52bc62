/**
 * One column of a row. The header row is hidden from assistive technology, so
 * a cell whose value means little alone ("2") carries its column name for
 * screen readers ("Attempts: 2").
 */
import type { ReactNode } from 'react';
import { t } from '../../i18n/t';

interface Props {
  className: string;
  /** Spoken before the value; the value is then hidden from screen readers to avoid saying it twice. */
  column?: string;
  /** Needed only where the cell shows more than text; otherwise the text shown is spoken. */
  spoken?: string;
  title?: string;
  id?: string;
  children: ReactNode;
}

export function Cell({ className, column, spoken, title, id, children }: Props) {
  if (column === undefined) {
    return (
      <span className={`cell ${className}`} title={title} id={id}>
        {children}
      </span>
    );
  }
  return (
    <span className={`cell ${className}`} title={title} id={id}>
      <span className="visually-hidden">{t('column.cell', { column, value: spoken ?? (typeof children === 'string' ? children : '') })}</span>
      <span aria-hidden="true">{children}</span>
    </span>
  );
}
