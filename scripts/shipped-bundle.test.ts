import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { testCodeIn } from './shipped-bundle.mjs';

function rendererDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipped-'));
  mkdirSync(join(dir, 'assets'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'assets', name), text);
  return dir;
}

describe('the shipped renderer check', () => {
  it('passes a window without the ?bench= pages', () => {
    expect(testCodeIn(rendererDir({ 'index-abc.js': 'console.log("mail")', 'index-abc.css': 'body{}' }))).toEqual([]);
  });

  it('names a test-only chunk and a telltale string in the main chunk', () => {
    const found = testCodeIn(rendererDir({ 'bench-api-x1.js': '', 'index-abc.js': 'if(q.get("bench")==="outbox10k")' }));
    expect(found).toEqual(expect.arrayContaining(['chunk bench-api-x1.js', '"outbox10k" in index-abc.js']));
  });
});
