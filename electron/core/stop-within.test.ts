import { describe, expect, it } from 'vitest';
import { stopWithin } from './stop-within';

describe('stopWithin', () => {
  it('waits for a part that stops, and says nothing', async () => {
    const said: string[] = [];
    const stopping = new Promise((resolve) => setTimeout(resolve, 20));
    expect(await stopWithin('mail sync', stopping, { error: (m) => said.push(m) }, 2_000)).toBe('stopped');
    expect(said).toEqual([]);
  });

  it('goes on without a part that never stops, and names it', async () => {
    const said: string[] = [];
    expect(await stopWithin('mail sync', new Promise(() => undefined), { error: (m) => said.push(m) }, 50)).toBe('left');
    expect(said).toEqual([expect.stringContaining('mail sync')]);
  });

  it('a part whose stop fails has stopped as far as closing goes', async () => {
    expect(await stopWithin('sandbox', Promise.reject(new Error('gone')), { error: () => undefined }, 2_000)).toBe('stopped');
  });
});
