import type { AppErrorShape } from '../../../../shared/errors';
import { storedError } from '../../../components/error-wording';

/** A journal row's note as main wrote it (English, "CODE: message", maybe after "recovery: "), in pieces the window words. */
export type JournalNote = { recovery: boolean } & ({ error: AppErrorShape } | { key: string } | { raw: string });

const KNOWN_NOTES: Array<[RegExp, string]> = [
  [/^FactPulse holds no double-mode secret for this client\.?$/, 'keys.journal.notes.noSecret'],
  [/^the server still holds the old key\.?$/, 'keys.journal.notes.oldKeyKept'],
];

export function journalNote(note: string): JournalNote {
  const recovery = note.startsWith('recovery: ');
  const text = recovery ? note.slice('recovery: '.length) : note;
  const coded = /^([A-Z][A-Z_]{2,}): (.*)$/s.exec(text);
  if (coded) return { recovery, error: storedError(coded[1]!, coded[2]!) };
  const known = KNOWN_NOTES.find(([pattern]) => pattern.test(text));
  return known ? { recovery, key: known[1] } : { recovery, raw: text };
}
