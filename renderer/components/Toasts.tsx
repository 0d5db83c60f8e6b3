import { useTranslation } from 'react-i18next';
import { useStore } from '../stores/store';

/** Success and failure messages, announced politely. */
export function Toasts() {
  const { t, i18n } = useTranslation();
  const all = useStore((s) => s.toasts);
  const toasts = all.filter((toast) => toast.language === i18n.language);
  const dismiss = useStore((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite" role="status">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.kind}`} data-toast={toast.kind}>
          <span>{toast.text}</span>
          <button type="button" className="link" onClick={() => dismiss(toast.id)}>
            {t('common.close')}
          </button>
        </div>
      ))}
    </div>
  );
}
