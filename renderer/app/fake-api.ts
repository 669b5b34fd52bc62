/** An in-memory MailApi for unit tests: scripted command answers, events emitted by hand. */
import { resetSeenEnds } from '../features/alerts/seen-ends';
import { buildMailApi, type CommandName, type EventName, type EventPayload, type MailApi, type RequestOf, type ResponseOf } from '../../shared/contract';
import { err, type Result } from '../../shared/errors';
import { initialAlertsState, useAlertsStore } from '../store/alerts';
import { initialComposeState, useComposeStore } from '../store/compose';
import { initialConfirmState, useConfirmStore } from '../store/confirm';
import { initialDraftsState, useDraftsStore } from '../store/drafts';
import { initialAccountsUiState, useAccountsUiStore } from '../store/accounts-ui';
import { initialOutboxState, useOutboxStore } from '../store/outbox';
import { initialSandboxState, useSandboxStore } from '../store/sandbox';
import { initialSettingsState, useSettingsStore } from '../store/settings';
import { initialStatusState, useStatusStore } from '../store/status';
import { initialSupersededState, useSupersededStore } from '../store/superseded';
import { initialTranscriptState, useTranscriptStore } from '../store/transcript';
import { initialUiState, useUiStore } from '../store/ui';

export type Handlers = {
  [N in CommandName]?: (request: RequestOf<N>) => Result<ResponseOf<N>> | Promise<Result<ResponseOf<N>>>;
};

export interface FakeApi {
  api: MailApi;
  calls: { name: CommandName; request: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  listenerCount(): number;
}

export function fakeApi(handlers: Handlers = {}): FakeApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeApi['calls'] = [];
  const api = buildMailApi({
    async invoke(name, request) {
      calls.push({ name, request });
      const handler = handlers[name] as ((request: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
      return handler ? handler(request) : err('NOT_FOUND', `no handler for ${name}`);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  return {
    api,
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

export function resetStores(): void {
  useComposeStore.setState(initialComposeState);
  useOutboxStore.setState({ ...initialOutboxState, known: new Map() });
  useSandboxStore.setState(initialSandboxState);
  useSettingsStore.setState(initialSettingsState);
  useStatusStore.setState(initialStatusState);
  useTranscriptStore.setState(initialTranscriptState);
  useAlertsStore.setState(initialAlertsState);
  resetSeenEnds();
  useSupersededStore.setState(initialSupersededState);
  useUiStore.setState(initialUiState);
  useDraftsStore.setState(initialDraftsState);
  useConfirmStore.setState(initialConfirmState);
  useAccountsUiStore.setState(initialAccountsUiState);
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Answers the confirmation once it has been asked; returns what it said. */
export async function answerConfirm(yes: boolean): Promise<string> {
  await flush();
  const request = useConfirmStore.getState().request;
  if (!request) throw new Error('no question asked');
  useConfirmStore.getState().answer(request.id, yes);
  return request.body;
}
