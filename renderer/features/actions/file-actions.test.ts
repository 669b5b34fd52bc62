import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/errors';
import type { MailActionResult } from '../../../shared/mail-model';
import { fakeApi, flush } from '../../app/fake-api';
import { useMailActionsStore } from '../../store/mail-actions';
import { actOn, undoLast } from './file-actions';

const ARCHIVED = 'act-archive-000000000002';

beforeEach(() => useMailActionsStore.setState({ last: { actionId: 'act-archive-000000000001', kind: 'archive', count: 1, undoable: true, undone: true }, error: null }));

describe('Undo right after an action', () => {
  it('undoes that action even when pressed before the core has answered it (the row may already be gone)', async () => {
    let answer: (value: ReturnType<typeof ok<MailActionResult>>) => void = () => undefined;
    const undone: string[] = [];
    const fake = fakeApi({
      'mail.act': () => new Promise((resolve) => (answer = resolve)),
      'mail.undo': ({ actionId }) => {
        undone.push(actionId);
        return ok({ actionId, kind: 'archive', count: 1, undoable: false });
      },
    });
    const acting = actOn(fake.api, { id: 'msg-1' }, 'archive');
    const undoing = undoLast(fake.api);
    await flush();
    expect(undone).toEqual([]);
    answer(ok({ actionId: ARCHIVED, kind: 'archive', count: 1, undoable: true }));
    await Promise.all([acting, undoing]);
    expect(undone).toEqual([ARCHIVED]);
    expect(useMailActionsStore.getState().last?.undone).toBe(true);
  });
});
