import { describe, expect, it } from 'vitest';
import { i18n } from '../../../../../../renderer/i18n';
import { errorSentence } from '../../../../../../renderer/components/error-wording';
import { journalNote } from '../../../../../../renderer/providers/factpulse/keys/journal-note';

describe('rotation journal: main’s notes in the user’s words', () => {
  it('a coded note becomes an error worded in French, its code and English kept for the details', () => {
    const note = journalNote('KEY_MISMATCH: FactPulse refused the current key: [redacted] is not the one protecting this client’s secret. Nothing was changed.');
    expect(note).toMatchObject({ recovery: false, error: { code: 'KEY_MISMATCH' } });
    const french = 'error' in note ? errorSentence(note.error, 'fr', i18n.getFixedT('fr')) : '';
    expect(french).toBe(i18n.getFixedT('fr')('errors.known.keyRefused'));
    expect(french).not.toMatch(/KEY_MISMATCH|current key/);
  });

  it('recovery notes keep that they come from a recovery; known sentences get their own words; others stay as written', () => {
    expect(journalNote('recovery: OFFLINE: The server cannot be reached (ECONNREFUSED).')).toMatchObject({ recovery: true, error: { code: 'OFFLINE' } });
    expect(journalNote('recovery: FactPulse holds no double-mode secret for this client')).toEqual({ recovery: true, key: 'keys.journal.notes.noSecret' });
    expect(journalNote('recovery: the server still holds the old key')).toEqual({ recovery: true, key: 'keys.journal.notes.oldKeyKept' });
    expect(journalNote('something new')).toEqual({ recovery: false, raw: 'something new' });
    expect(i18n.getFixedT('fr')('keys.journal.notes.recovery', { note: 'x' })).toBe('À la récupération : x');
  });
});
