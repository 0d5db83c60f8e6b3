import { useTranslation } from 'react-i18next';
import type { KeyJournalRow } from '../../../stores/keys-slice';
import { ErrorDetails } from '../../../components/ErrorNotice';
import { errorSentence } from '../../../components/error-wording';
import { journalNote } from './journal-note';

/** Why a step failed, in the user's words; main's code and English message under "Details". */
function JournalNoteCell({ note }: { note: string }) {
  const { t, i18n } = useTranslation();
  const piece = journalNote(note);
  const said = 'error' in piece ? errorSentence(piece.error, i18n.language, t) : 'key' in piece ? t(piece.key) : piece.raw;
  return (
    <>
      {piece.recovery ? t('keys.journal.notes.recovery', { note: said }) : said}
      {'error' in piece && <ErrorDetails error={piece.error} />}
    </>
  );
}

/** The rotation journal: each key step, by fingerprint only. */
export function KeyJournalTable({ rows, names }: { rows: KeyJournalRow[]; names: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="keys-section" aria-labelledby="keys-journal-title">
      <h2 id="keys-journal-title">{t('keys.journal.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('keys.journal.empty')}</p>
      ) : (
        <table className="data keys-table" data-testid="keys-journal">
          <thead>
            <tr>
              <th>{t('keys.journal.when')}</th>
              <th>{t('keys.col.client')}</th>
              <th>{t('keys.journal.operation')}</th>
              <th>{t('keys.journal.change')}</th>
              <th>{t('keys.journal.step')}</th>
              <th>{t('keys.journal.error')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-journal-step={row.step} data-journal-client={row.clientUid}>
                <td>{new Date(row.updatedAt).toLocaleString(i18n.language)}</td>
                <td>{names[`${row.connectionId}\u0000${row.clientUid}`] ?? row.clientUid}</td>
                <td data-journal-operation={row.operation}>{t(`keys.journal.operations.${row.operation}`, { defaultValue: row.operation })}</td>
                <td className="fingerprint">
                  {row.oldFingerprint ?? '∅'} → {row.newFingerprint ?? '∅'}
                </td>
                <td>
                  <span className={row.step === 'committed' ? 'badge active' : row.step === 'aborted' ? 'badge inactive' : 'badge warn'}>
                    {t(`keys.journal.steps.${row.step}`)}
                  </span>
                </td>
                <td className="muted">{row.error && <JournalNoteCell note={row.error} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
