import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryProblem } from '../../../shared/schemas/recovery';
import type { AppErrorShape } from '../../../shared/errors';
import { call, errorShape } from '../../app/bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import './recovery.css';

type Action = 'moveAside' | 'retry' | 'quit';

/**
 * Startup found a file it could not use: what happened, where the file is, what can be saved, and the
 * user's choice. Nothing is moved or deleted unless the user asks for it here.
 */
export function RecoveryScreen() {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<RecoveryProblem | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [movedTo, setMovedTo] = useState<string | null>(null);

  useEffect(() => {
    call('recovery.status')
      .then((status) => setProblem(status.problem))
      .catch((err: unknown) => setError(errorShape(err)));
  }, []);

  async function choose(action: Action) {
    setBusy(action);
    setError(null);
    try {
      const result = await call('recovery.resolve', { action });
      if (result.movedTo) setMovedTo(result.movedTo);
      // Started again behind the same bridge: load the app as it is now (normal, or recovery again).
      if (action !== 'quit') window.location.reload();
    } catch (err) {
      setError(errorShape(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('recovery.title')}</h1>
      {problem && (
        <section className="card" data-testid="recovery-problem" data-file={problem.file} data-failure={problem.failure}>
          <p className="recovery-what">
            <strong>{t(`recovery.what.${problem.file}`)}</strong> {t(`recovery.why.${problem.failure}`)}
          </p>
          <p>
            {t('recovery.where')}: <span className="mono" data-testid="recovery-path">{problem.path}</span>
          </p>
          <p>{t(`recovery.saved.${problem.file}`)}</p>
          <div className="recovery-actions">
            {problem.canMoveAside && (
              <button type="button" className="primary" disabled={busy !== null} onClick={() => void choose('moveAside')}>
                {t(`recovery.moveAside.${problem.file}`)}
              </button>
            )}
            <button type="button" disabled={busy !== null} onClick={() => void choose('retry')}>
              {t('recovery.retry')}
            </button>
            <button type="button" className="danger" disabled={busy !== null} onClick={() => void choose('quit')}>
              {t('recovery.quit')}
            </button>
          </div>
          <p className="muted">{t('recovery.quitHint')}</p>
          <details>
            <summary>{t('recovery.details')}</summary>
            <p className="mono">{problem.failure}: {problem.detail}</p>
          </details>
        </section>
      )}
      {movedTo && <p role="status">{t('recovery.movedTo', { path: movedTo })}</p>}
      <ErrorNotice error={error} />
    </main>
  );
}
