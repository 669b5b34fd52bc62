/** A view that is one page (Sandbox, Settings): its heading, then content that scrolls under it. */
import type { ReactNode } from 'react';
import { ViewTitle } from './ViewTitle';

export function Page({ className, title, children }: { className: string; title: string; children: ReactNode }) {
  return (
    <section className={`page ${className}`} aria-labelledby="view-title" data-view-root>
      <header className="pane-head">
        <ViewTitle>{title}</ViewTitle>
      </header>
      <div className="page-scroll">{children}</div>
    </section>
  );
}
