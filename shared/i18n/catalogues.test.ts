import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';

describe('the catalogues', () => {
  it('name Discard (drop what is being written) and Delete (remove a stored message) apart in every language', () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const discard = [catalogue['compose.discard'], catalogue['compose.discardConfirm']];
      const remove = [catalogue['outbox.delete'], catalogue['drafts.delete'], catalogue['actions.delete']];
      for (const word of discard) expect(remove, `${language}: "${word}"`).not.toContain(word);
    }
  });
});
