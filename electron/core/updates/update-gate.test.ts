import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { AppFailure } from '../../../shared/errors';
import type { OutboxItem } from '../../../shared/model';
import { EventBus } from '../events';
import { UpdateGate } from './update-gate';

function setup() {
  const events = new EventBus();
  const gate = new UpdateGate(events);
  const told: EventPayload<'app:update'>[] = [];
  events.onAny((name, payload) => {
    if (name === 'app:update') told.push(payload as EventPayload<'app:update'>);
  });
  let installs = 0;
  const install = () => void installs++;
  // Only the fields the gate reads; the rest of an item does not matter to it.
  const item = (id: string, state: OutboxItem['state']) => events.emit('outbox:changed', { id, state } as OutboxItem);
  return { events, gate, told, install, installs: () => installs, item };
}

describe('UpdateGate', () => {
  it('tells the window when an update is ready and restarts at once when nothing is being sent', () => {
    const t = setup();
    t.item('m1', 'sent');
    t.gate.ready('0.2.0', t.install);
    expect(t.told).toEqual([{ phase: 'ready', version: '0.2.0', sending: 0 }]);
    expect(t.gate.restart()).toEqual({ phase: 'restarting', version: '0.2.0', sending: 0 });
    expect(t.installs()).toBe(1);
  });

  it('never restarts during a send: it waits for the last one to end', () => {
    const t = setup();
    t.item('m1', 'sending');
    t.item('m2', 'sending');
    t.gate.ready('0.2.0', t.install);
    expect(t.gate.restart()).toEqual({ phase: 'waiting', version: '0.2.0', sending: 2 });
    t.item('m1', 'sent');
    expect(t.installs()).toBe(0);
    t.item('m3', 'queued');
    expect(t.installs()).toBe(0);
    t.item('m2', 'deferred');
    expect(t.installs()).toBe(1);
    expect(t.told.at(-1)).toEqual({ phase: 'restarting', version: '0.2.0', sending: 0 });
    // Later changes do not install twice.
    t.item('m3', 'sending');
    t.item('m3', 'sent');
    expect(t.installs()).toBe(1);
  });

  it('counts a deleted item as no longer sending', () => {
    const t = setup();
    t.item('m1', 'sending');
    t.gate.ready('0.2.0', t.install);
    t.gate.restart();
    t.events.emit('outbox:removed', { id: 'm1' });
    expect(t.installs()).toBe(1);
  });

  it('refuses a restart with NOT_READY when no update was downloaded', () => {
    const t = setup();
    let thrown: unknown;
    try {
      t.gate.restart();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppFailure);
    expect((thrown as AppFailure).appError.code).toBe('NOT_READY');
    expect(t.installs()).toBe(0);
  });

  it('installs the newest download when a newer one lands while waiting', () => {
    const t = setup();
    const installed: string[] = [];
    t.item('m1', 'sending');
    t.gate.ready('0.2.0', () => installed.push('0.2.0'));
    t.gate.restart();
    t.gate.ready('0.2.1', () => installed.push('0.2.1'));
    expect(t.gate.state().phase).toBe('waiting');
    t.item('m1', 'sent');
    expect(installed).toEqual(['0.2.1']);
  });
});
