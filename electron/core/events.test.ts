import { expect, it } from 'vitest';
import { EventBus } from './events';

it('a listener that throws is reported, and the others still hear the event', () => {
  const reported: [string, unknown][] = [];
  const bus = new EventBus((name, error) => reported.push([name, error]));
  const heard: string[] = [];
  const broken = new Error('window gone');
  bus.onAny(() => {
    throw broken;
  });
  bus.onAny((name) => heard.push(name));
  bus.emit('smtp:progress', { itemId: 'item-0001', sent: 1, total: 2 });
  expect(heard).toEqual(['smtp:progress']);
  expect(reported).toEqual([['smtp:progress', broken]]);
});
