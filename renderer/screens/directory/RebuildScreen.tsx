import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';
import type { RebuildProgress, RebuildRecord } from '../../../shared/schemas/directory';
import { BridgeError, call, errorShape, onEvent } from '../../app/bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';
import { RebuildForm } from './RebuildForm';
import { RebuildHistory } from './RebuildHistory';
import { ThrottleCountdown } from './ThrottleCountdown';
import { checkRebuildForm, EMPTY_REBUILD_FORM, formField } from './rebuild-form-model';
import type { RebuildFormValues } from './rebuild-form-model';
import './directory.css';
import { localizeValidation } from '../../i18n/validation';

/** The directory's one operation: rebuild the registered clients data for the clients matching the filters. */
export function RebuildScreen() {
  const { t, i18n } = useTranslation();
  const connections = useStore((s) => s.connections).filter((c) => c.capabilities.includes('rebuildRegistry'));
  const [selected, setSelected] = useState<string>('');
  const connectionId = connections.some((c) => c.id === selected) ? selected : (connections[0]?.id ?? '');
  const [values, setValues] = useState<RebuildFormValues>(EMPTY_REBUILD_FORM);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [history, setHistory] = useState<{ rows: RebuildRecord[]; lastSuccessAt: string | null }>({ rows: [], lastSuccessAt: null });
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RebuildProgress | null>(null);
  const [result, setResult] = useState<RebuildRecord | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const [historyVersion, setHistoryVersion] = useState(0);
  useEffect(() => {
    if (connectionId) call('directory.history', { connectionId }).then(setHistory, (err: unknown) => setError(errorShape(err)));
  }, [connectionId, historyVersion]);
  useEffect(() => onEvent('directory.rebuildProgress', (p) => p.connectionId === connectionId && setProgress(p)), [connectionId]);

  async function rebuild() {
    const checked = checkRebuildForm(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setRunning(true);
    setProgress(null);
    setResult(null);
    setError(null);
    try {
      setResult(await call('directory.rebuild', { connectionId, filters: checked.filters, incremental: values.incremental }));
    } catch (err) {
      const shape = errorShape(err);
      if (err instanceof BridgeError) setErrors(Object.fromEntries((shape.details?.fields ?? []).map((f) => [formField(f.field), localizeValidation(f.message, i18n.language)])));
      setError(shape);
    } finally {
      setRunning(false);
      setHistoryVersion((v) => v + 1);
    }
  }

  if (connections.length === 0) {
    return (
      <section className="screen directory">
        <header className="screen-header"><h1>{t('providers.directory.rebuild.title')}</h1></header>
        <p className="empty-state">{t('providers.directory.rebuild.none')}</p>
      </section>
    );
  }
  const serverErrors = Array.isArray(error?.details?.errors) ? (error.details.errors as string[]) : [];
  const received = typeof error?.details?.receivedInteractionId === 'string' ? error.details.receivedInteractionId : null;
  const sent = typeof error?.details?.interactionId === 'string' ? error.details.interactionId : null;
  return (
    <section className="screen directory" data-testid="rebuild-screen">
      <header className="screen-header"><h1>{t('providers.directory.rebuild.title')}</h1></header>
      <p className="muted">{t('providers.directory.rebuild.intro')}</p>
      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void rebuild();
        }}
      >
        <div className="form-grid">
          <label htmlFor="rebuild-connection">{t('providers.directory.rebuild.connection')}</label>
          <select id="rebuild-connection" value={connectionId} disabled={running} onChange={(e) => setSelected(e.target.value)}>
            {connections.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </div>
        <RebuildForm values={values} onChange={setValues} errors={errors} lastSuccessAt={history.lastSuccessAt} disabled={running} />
        {running ? (
          <ThrottleCountdown progress={progress} onCancel={() => void call('directory.cancelRebuild', { connectionId })} />
        ) : (
          <div className="actions">
            <button type="submit" className="primary" data-action="rebuild">{t('providers.directory.rebuild.submit')}</button>
          </div>
        )}
        <div className="result" aria-live="polite">
          {result && (
            <p className="ok" data-rebuild-result="ok">
              {t('providers.directory.rebuild.done')} {t('providers.directory.rebuild.interactionId')}: <span className="mono">{result.interactionId}</span>
            </p>
          )}
        </div>
        {error && (
          <div className="result" data-rebuild-result="error">
            <ErrorNotice error={error} />
            {serverErrors.length > 0 && (
              <>
                <p>{t('providers.directory.rebuild.errorsTitle')}</p>
                <ul className="server-errors" data-server-errors>{serverErrors.map((e) => <li key={e}>{e}</li>)}</ul>
              </>
            )}
            {sent && (
              <p className="muted">
                {t('providers.directory.rebuild.interactionId')}: <span className="mono">{sent}</span>
                {received && <> · {t('providers.directory.rebuild.receivedId')}: <span className="mono">{received}</span></>}
              </p>
            )}
          </div>
        )}
      </form>
      <RebuildHistory rows={history.rows} />
    </section>
  );
}
