/**
 * The UI part of `npm run bench`: the outbox with 10,000 items in Debian's
 * Chromium, served by the real browser host. Prints the figures and appends
 * them to docs/benchmarks.md (written just before by the core bench).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { measureOutbox10k } from './outbox-10k';

const ROOT = process.cwd();

async function main(): Promise<void> {
  const host = spawn(process.execPath, [join(ROOT, 'out/main/browser-host.cjs'), '--no-open', '--port', '0', '--user-data', mkdtempSync(join(tmpdir(), 'outbox-uibench-'))], { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise<string>((resolve, reject) => {
    host.stdout.on('data', (d) => {
      const m = /UI: (\S+)/.exec(String(d));
      if (m?.[1]) resolve(m[1]);
    });
    host.on('exit', () => reject(new Error('the browser host exited')));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const f = await measureOutbox10k(page, url);
    const over = f.longTasks.filter((ms) => ms > 50);
    const rows = [
      ['outbox with ' + f.items.toLocaleString('en') + ' items: first render', `${f.firstRenderMs} ms`, '< 200 ms', f.firstRenderMs < 200 ? 'met' : 'NOT MET'],
      ['  counted from navigation start (scripts loaded and parsed)', `${f.sinceNavigationMs} ms`, '', ''],
      [`scrolling top to bottom (${f.scrollSteps} screens, ${f.scrollMs} ms): long tasks over 50 ms`, String(over.length), '0', over.length === 0 ? 'met' : 'NOT MET'],
      ['rows in the DOM at the end (virtualized)', String(f.renderedRows), '', ''],
    ];
    console.log('\n4. Outbox UI with 10,000 items, Chromium (browser host, in-memory API seeded by ?bench=outbox10k)');
    for (const [what, value, target, verdict] of rows) console.log(`  ${what!.padEnd(78)} ${value!.padEnd(10)} ${target!.padEnd(9)} ${verdict}`);
    appendFileSync(
      join(ROOT, 'docs/benchmarks.md'),
      `\n## 4. Outbox UI with 10,000 items, Debian's Chromium\n\nThe browser host's renderer on its in-memory API seeded with 10,000 outbox items (\`?bench=outbox10k\`, ignored in Electron).\n\n| measure | value | target | |\n|---|---|---|---|\n${rows.map((r) => `| ${r.map((c) => c!.trim()).join(' | ')} |`).join('\n')}\n`,
    );

    // The reading window's list on an Inbox of 100,000 messages (the in-memory mail keeps its sorted order, as the store's index does).
    const r = await measureOutbox10k(page, url, 'reader100k');
    const rOver = r.longTasks.filter((ms) => ms > 50);
    const readerRows = [
      ['Inbox with ' + r.items.toLocaleString('en') + ' messages: first rows', `${r.firstRenderMs} ms`, '< 200 ms', r.firstRenderMs < 200 ? 'met' : 'NOT MET'],
      [`scrolling top to bottom (${r.scrollSteps} screens, ${r.scrollMs} ms): long tasks over 50 ms`, String(rOver.length), '0', rOver.length === 0 ? 'met' : 'NOT MET'],
      ['rows in the DOM at the end (virtualized)', String(r.renderedRows), '', ''],
    ];
    console.log('\n6. Reading window with 100,000 messages, Chromium (browser host, in-memory mail by ?bench=reader100k)');
    for (const [what, value, target, verdict] of readerRows) console.log(`  ${what!.padEnd(78)} ${value!.padEnd(10)} ${target!.padEnd(9)} ${verdict}`);
    appendFileSync(
      join(ROOT, 'docs/benchmarks.md'),
      `\n## 6. Reading window with 100,000 messages, Debian's Chromium\n\nThe browser host's renderer on in-memory mail (\`?bench=reader100k\`), the Inbox's sorted order kept as the store's index keeps it.\n\n| measure | value | target | |\n|---|---|---|---|\n${readerRows.map((row) => `| ${row.map((c) => c!.trim()).join(' | ')} |`).join('\n')}\n`,
    );
  } finally {
    await browser.close();
    host.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
