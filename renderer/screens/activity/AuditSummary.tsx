import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorSentence, storedError } from '../../components/error-wording';
import { summaryPieces } from './audit-summary';
import type { SummaryPiece } from './audit-summary';

/**
 * Audit actions and summaries in the user's language. The stored English (e.g. `clients.setActive`,
 * "Edit name=…") stays in the log and its exports; what no pattern knows is shown as stored.
 */
export function useAuditWording() {
  const { t, i18n } = useTranslation();
  return auditWording(t, i18n.language);
}


export function auditWording(t: TFunction, language: string) {
  const word = (piece: SummaryPiece): string => {
    if ('raw' in piece) return piece.raw;
    if ('code' in piece) return errorSentence(storedError(piece.code, piece.message), language, t);
    if ('fields' in piece) return piece.fields.map(([name, value]) => `${t(`activity.fields.${name}`, { defaultValue: name })}${value === null ? '' : ` = ${value}`}`).join(', ');
    return t(piece.key, piece.params ?? {});
  };
  return {
    action: (action: string): string => t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action }),
    summary(action: string, summary: string): string {
      let text = '';
      summaryPieces(action, summary).forEach((piece, i) => {
        const separator = i === 0 ? '' : 'fields' in piece ? t('audit.fieldsAfter') : text.endsWith(':') ? ' ' : action.startsWith('key.') ? '; ' : ' — ';
        text += separator + word(piece);
      });
      return text;
    },
  };
}
