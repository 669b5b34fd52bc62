// What must never ship: the renderer's in-memory APIs behind `?bench=` (fake mail, 10,000 fake outbox
// items) are built only with `--with-bench-pages` (tests and `npm run bench`). A build without it is
// checked here, so a change that pulls them back into the shipped window fails the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TEST_ONLY_CHUNKS = /^(bench-api|fake-api|fake-mail|fake-outbox|reader-demo-api)[-.]/;
// Strings only those modules hold: the query flag's values and the fake mail's domain.
const TEST_ONLY_TEXT = ['outbox10k', 'example.test'];

/** The test-only pieces found in a built renderer folder: chunk names and telltale strings. */
export function testCodeIn(rendererDir) {
  const assets = join(rendererDir, 'assets');
  const found = [];
  for (const name of readdirSync(assets)) {
    if (TEST_ONLY_CHUNKS.test(name)) found.push(`chunk ${name}`);
    if (!name.endsWith('.js')) continue;
    const text = readFileSync(join(assets, name), 'utf8');
    for (const marker of TEST_ONLY_TEXT) if (text.includes(marker)) found.push(`"${marker}" in ${name}`);
  }
  return found;
}
