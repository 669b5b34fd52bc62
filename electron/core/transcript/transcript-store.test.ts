import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openMailStore } from '../db/mail-store';
import { tempDir } from '../../../testing/harness/test-core';
import { EventBus } from '../events';
import { TRANSCRIPT_LIMIT, TranscriptStore } from './transcript-store';

const line = (itemId: string, n: number) => ({ itemId, connectionId: 'c1', at: 1000 + n, direction: 'server' as const, text: `250 line ${n}` });

describe('TranscriptStore', () => {
  it('streams every line at once and keeps only the newest lines per item, across restarts', async () => {
    const db = openMailStore(join(tempDir(), 'outbox.sqlite'));
    const events = new EventBus();
    const streamed: unknown[] = [];
    events.onAny((name, payload) => name === 'smtp:response' && streamed.push(payload));
    const store = new TranscriptStore(db, events);
    for (let n = 0; n < TRANSCRIPT_LIMIT + 20; n++) {
      store.append(line('item-a', n));
      if (n % 100 === 0) await store.flush();
    }
    store.append(line('item-b', 0));
    expect(streamed).toHaveLength(TRANSCRIPT_LIMIT + 21);
    const kept = await store.forItem('item-a');
    expect(kept).toHaveLength(TRANSCRIPT_LIMIT);
    expect(kept[0]?.text).toBe('250 line 20');
    expect(kept.at(-1)?.text).toBe(`250 line ${TRANSCRIPT_LIMIT + 19}`);
    expect(await store.forItem('item-b')).toHaveLength(1);

    // A new run learns what is stored before trimming.
    const again = new TranscriptStore(db, events);
    for (let n = 0; n < 5; n++) again.append({ ...line('item-a', 10_000 + n), connectionId: 'c2' });
    expect(await again.forItem('item-a')).toHaveLength(TRANSCRIPT_LIMIT);
    db.close();
  });

  it('stores the lines of one flush as one row, and still reads and counts rows of one line written by earlier versions', async () => {
    const db = openMailStore(join(tempDir(), 'outbox.sqlite'));
    const older = (n: number) => ({ ...line('item-a', n), connectionId: 'c0', seq: n });
    const insert = db.db.prepare('INSERT INTO transcript (item_id, connection_id, seq, json) VALUES (?, ?, ?, ?)');
    for (let n = 0; n < 3; n++) insert.run('item-a', 'c0', n, JSON.stringify(older(n)));
    expect(db.countLines('item-a')).toBe(3);

    const store = new TranscriptStore(db, new EventBus());
    for (let n = 3; n < 12; n++) store.append({ ...line('item-a', n), connectionId: 'c1' });
    await store.flush();
    expect(db.db.prepare('SELECT count(*) AS n FROM transcript').get()).toEqual({ n: 4 });
    expect(db.countLines('item-a')).toBe(12);
    expect((await store.forItem('item-a')).map((l) => l.text)).toEqual(Array.from({ length: 12 }, (_, n) => `250 line ${n}`));
    db.close();
  });
});
