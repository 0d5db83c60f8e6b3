import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../../shared/errors';
import type { AppErrorShape } from '../../shared/errors';

/** States precisely what failed: the error code, what it means, and the server's own message. */
export function ErrorNotice({ error, title }: { error: AppErrorShape | null; title?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div aria-live="assertive">
      {error && (
        <div className="error-notice" role="alert" data-error-code={error.code}>
          {title && <strong className="error-title">{title}</strong>}
          <p>
            <span className="badge danger mono">{error.code}</span>{' '}
            {ERROR_MESSAGES[error.code]?.[i18n.language === 'fr' ? 'fr' : 'en'] ?? ''}
            {typeof error.details?.status === 'number' && <span className="muted"> {t('ui.httpStatus', { status: error.details.status })}</span>}
          </p>
          <p className="error-detail">{error.message}</p>
        </div>
      )}
    </div>
  );
}
