/** The core's outgoing event stream, typed by the contract; hosts forward it to their renderers. */
import type { EventName, EventPayload } from '../../shared/contract';

export type AnyEventListener = (name: EventName, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();

  /** `onListenerError` hears what a listener threw: logged, never swallowed. */
  constructor(private readonly onListenerError: (name: EventName, error: unknown) => void = () => undefined) {}

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        // A broken window must not stop the spooler or other windows; its fault still goes to the log.
        this.onListenerError(name, error);
      }
    }
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  onAny(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
