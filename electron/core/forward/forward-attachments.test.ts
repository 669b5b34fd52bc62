import { describe, expect, it } from 'vitest';
import { safeFileName } from './forward-attachments';

describe('names of forwarded files', () => {
  it('keep the sender\u2019s name where it is safe, and lose paths, controls and direction overrides', () => {
    expect(safeFileName('report.pdf', 'x')).toBe('report.pdf');
    expect(safeFileName('../../etc/passwd', 'x')).toBe('.._.._etc_passwd');
    expect(safeFileName('inv\u202Efdp.exe', 'x')).toBe('invfdp.exe');
    expect(safeFileName('a\r\nb\tc', 'x')).toBe('abc');
    expect(safeFileName('..', 'fallback')).toBe('fallback');
    expect(safeFileName('   ', 'fallback')).toBe('fallback');
    expect(safeFileName('x'.repeat(400), 'f')).toHaveLength(255);
  });
});
