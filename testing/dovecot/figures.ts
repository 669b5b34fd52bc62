/**
 * Where the IMAP suite leaves its figures for the globalSetup to print as the
 * run's last line. The globalSetup names the file in the environment before
 * the test workers start, so both sides agree on it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIGURES_ENV = 'OOTEST_IMAP_FIGURES';

export const figuresFile = (): string => process.env[FIGURES_ENV] ?? join(tmpdir(), 'ootest-imap-figures.txt');

/** The hostile-mail test's figure (requests that left the page), beside the sync figures; read and removed by the same teardown. */
export const hostileFiguresFile = (): string => `${figuresFile()}.hostile`;
