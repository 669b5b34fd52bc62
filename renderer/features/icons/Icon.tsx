/** A few line icons, drawn inline (no icon font, nothing fetched). Decorative: the control carries the name. */
const PATHS = {
  close: 'M6 6l12 12M18 6L6 18',
  attach: 'M20 11.5l-8.1 8.1a5 5 0 01-7.1-7.1l8.5-8.5a3.3 3.3 0 014.7 4.7l-8.5 8.5a1.7 1.7 0 01-2.4-2.4l7.8-7.8',
  compose: 'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4',
  drafts: 'M5 4h10l4 4v12H5zM15 4v4h4',
  outbox: 'M4 13h4l2 3h4l2-3h4M4 13l3-8h10l3 8v6H4zM12 4v7M9 7l3-3 3 3',
  sent: 'M4 12l16-8-6 16-3-7zM11 13l9-9',
  sandbox: 'M4 6h16v12H4zM4 7l8 6 8-6',
  bold: 'M7 5h6a3.5 3.5 0 010 7H7zM7 12h7a3.5 3.5 0 010 7H7z',
  italic: 'M10 5h8M6 19h8M14 5l-4 14',
  bulletList: 'M10 6h10M10 12h10M10 18h10M4.5 6h.5M4.5 12h.5M4.5 18h.5',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 4.5l1.5-.5v5M3.5 15a1.5 1.5 0 013 .3c0 1.2-3 2.2-3 3.7h3',
  link: 'M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1',
  quote: 'M5 17c2.5-1 4-3 4-6.5V7H5v4h4M14 17c2.5-1 4-3 4-6.5V7h-4v4h4',
  chevron: 'M9 6l6 6-6 6',
  maximize: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  restore: 'M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5',
  inbox: 'M4 13h4l2 3h4l2-3h4M4 13l3-8h10l3 8v6H4z',
  trash: 'M5 7h14M10 7V5h4v2M7 7l1 13h8l1-13M10 11v6M14 11v6',
  junk: 'M12 4l8 14H4zM12 10v4M12 16.5v.5',
  archive: 'M4 5h16v4H4zM6 9v10h12V9M10 13h4',
  reports: 'M6 4h9l3 3v13H6zM9 12l2 2 4-4',
  folder: 'M4 6h6l2 2h8v10H4z',
  settings:
    'M12 15a3 3 0 100-6 3 3 0 000 6zM19.4 15a1.7 1.7 0 00.3 1.8l.1.1a2 2 0 11-2.8 2.8l-.1-.1a1.7 1.7 0 00-1.8-.3 1.7 1.7 0 00-1 1.5V21a2 2 0 11-4 0v-.1a1.7 1.7 0 00-1.1-1.5 1.7 1.7 0 00-1.8.3l-.1.1a2 2 0 11-2.8-2.8l.1-.1a1.7 1.7 0 00.3-1.8 1.7 1.7 0 00-1.5-1H3a2 2 0 110-4h.1a1.7 1.7 0 001.5-1.1 1.7 1.7 0 00-.3-1.8l-.1-.1a2 2 0 112.8-2.8l.1.1a1.7 1.7 0 001.8.3H9a1.7 1.7 0 001-1.5V3a2 2 0 114 0v.1a1.7 1.7 0 001 1.5 1.7 1.7 0 001.8-.3l.1-.1a2 2 0 112.8 2.8l-.1.1a1.7 1.7 0 00-.3 1.8V9a1.7 1.7 0 001.5 1H21a2 2 0 110 4h-.1a1.7 1.7 0 00-1.5 1z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
