import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/model';
import { admitFiles, safeFileName, safeMimeType, totalSize } from './attachment-logic';

const file = (name: string, size = 10, type = 'text/plain') => ({ name, size, type });

describe('safeFileName', () => {
  it('keeps a plain name', () => {
    expect(safeFileName('Report 2025.pdf')).toBe('Report 2025.pdf');
    expect(safeFileName('Отчёт.pdf')).toBe('Отчёт.pdf');
  });
  it('replaces what the core refuses', () => {
    expect(safeFileName('a/b\\c\u0001.txt')).toBe('a_b_c_.txt');
    expect(safeFileName('..')).toBe('attachment');
    expect(safeFileName('x'.repeat(300))).toHaveLength(255);
  });
});

describe('safeMimeType', () => {
  it('keeps a valid type and replaces an empty or odd one', () => {
    expect(safeMimeType('image/png')).toBe('image/png');
    expect(safeMimeType('')).toBe('application/octet-stream');
    expect(safeMimeType('text/plain; charset=utf-8')).toBe('application/octet-stream');
  });
});

describe('admitFiles', () => {
  it('accepts files within the limits', () => {
    expect(admitFiles(0, [file('a.txt'), file('b.txt')])).toEqual({ accepted: [0, 1], errors: [] });
  });
  it('refuses a file over the size limit, naming it and both sizes', () => {
    const check = admitFiles(0, [file('big.iso', LIMITS.attachmentBytes + 1), file('small.txt')]);
    expect(check.accepted).toEqual([1]);
    expect(check.errors).toEqual(['“big.iso” is 25 MB; an attachment can be at most 25 MB.']);
  });
  it('stops at the number of attachments a message may have, saying so once', () => {
    const check = admitFiles(LIMITS.attachmentsPerMessage - 1, [file('a'), file('b'), file('c')]);
    expect(check.accepted).toEqual([0]);
    expect(check.errors).toEqual([`A message can have at most ${LIMITS.attachmentsPerMessage} attachments.`]);
  });
  it('adds sizes up', () => {
    expect(totalSize([{ size: 3 }, { size: 4 }])).toBe(7);
  });
});
