import { useTranslation } from 'react-i18next';
import type { BulkStatusAction } from '../../../shared/schemas/client-jobs';
import { MAX_PICKED_CLIENTS } from '../../../shared/schemas/client-jobs';
import type { RowSelection } from './selection-model';

interface Props {
  selection: RowSelection;
  count: number;
  /** Rows ticked on the page shown, and how many it has. */
  onPage: number;
  pageRows: number;
  /** Clients the filter matches (null: not counted). */
  total: number | null;
  actions: readonly BulkStatusAction[];
  onSelectAll(total: number): void;
  onClear(): void;
  onAction(action: BulkStatusAction): void;
}

/** How many clients are ticked, the step to all matching ones across pages, and what can be done with them. */
export function SelectionBar({ selection, count, onPage, pageRows, total, actions, onSelectAll, onClear, onAction }: Props) {
  const { t } = useTranslation();
  if (count === 0) return null;
  const matching = selection.mode === 'matching';
  const offerAll = !matching && total !== null && total > count && onPage === pageRows && count === onPage;
  return (
    <div className="selection-bar" role="region" aria-label={t('bulk.actions')} data-testid="selection-bar" data-selection-mode={selection.mode}>
      <span aria-live="polite" data-testid="selection-count" data-count={count}>
        {matching
          ? t('bulk.allMatching', { count })
          : count === onPage
            ? t('bulk.selectedOnPage', { count })
            : t('bulk.selectedAcross', { count, onPage })}
        {matching && selection.keys.size > 0 && ` (${t('bulk.unticked', { count: selection.keys.size })})`}
      </span>
      {selection.overLimit && (
        <span role="status" className="selection-limit" data-testid="selection-limit">
          {t('bulk.overLimit', { max: MAX_PICKED_CLIENTS })}
        </span>
      )}
      {offerAll && (
        <button type="button" className="link" data-testid="select-all-matching" onClick={() => onSelectAll(total)}>
          {t('bulk.selectAllMatching', { total })}
        </button>
      )}
      <span className="selection-actions">
        {actions.map((action) => (
          <button key={action} type="button" data-bulk-action={action} className={action === 'deactivate' ? 'danger' : undefined} onClick={() => onAction(action)}>
            {t(`bulk.open.${action}`)}
          </button>
        ))}
        <button type="button" onClick={onClear} aria-keyshortcuts="Escape">
          {t('bulk.clear')} <kbd>{t('bulk.clearHint')}</kbd>
        </button>
      </span>
    </div>
  );
}
