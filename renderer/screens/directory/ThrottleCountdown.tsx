import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RebuildProgress } from '../../../shared/schemas/directory';

/** While the directory throttles (429, 502, 504): when the next attempt starts, counted down each second, and Cancel. */
export function ThrottleCountdown({ progress, onCancel }: { progress: RebuildProgress | null; onCancel(): void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const waiting = progress?.state === 'waiting' && progress.retryAt;
  // Never more than the wait itself (the clock ticks every 250 ms and may lag behind the event).
  const seconds = waiting ? Math.max(0, Math.min(Math.ceil(progress.waitMs / 1000), Math.ceil((Date.parse(progress.retryAt!) - now) / 1000))) : 0;
  return (
    <div className="countdown" role="status" aria-live="polite" data-testid="rebuild-progress">
      <span>
        {waiting ? (
          <>
            {t('providers.directory.rebuild.throttled', { status: progress.status, next: progress.attempt + 1, max: progress.maxAttempts })}{' '}
            <strong data-countdown={seconds}>{seconds} s</strong>
          </>
        ) : (
          t('providers.directory.rebuild.sending', { attempt: progress?.attempt ?? 1, max: progress?.maxAttempts || 1 })
        )}
      </span>
      <button type="button" className="danger" data-action="cancel-rebuild" onClick={onCancel}>{t('providers.directory.rebuild.cancel')}</button>
    </div>
  );
}
