/**
 * The heading of the view on show. Views are labelled by its id; it takes
 * focus from script only, when an action leaves a list empty (RowButton).
 */
import type { ReactNode } from 'react';

export function ViewTitle({ children }: { children: ReactNode }) {
  return (
    <h2 id="view-title" className="pane-title" tabIndex={-1}>
      {children}
    </h2>
  );
}
