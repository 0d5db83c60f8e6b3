import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../stores/store';
import './modes-partial.css';


/**
 * Says that figures derived from PDP encryption modes (double-mode counts, the Double filter, keys missing
 * locally) are partial while the modes of some PDP configurations in scope are still unknown, and how far along.
 */
export function ModesPartialNote({ connectionIds, effect }: { connectionIds: readonly string[]; effect: 'clientsEffect' | 'keysEffect' }) {
  const { t, i18n } = useTranslation();
  // factpulse.pdp.modesProgress events keep it current afterwards (useCoreEvents).
  useEffect(() => {
    void useStore.getState().loadPdpModes();
  }, []);
  const modes = useStore((s) => s.pdpModes);
  let known = 0;
  let total = 0;
  let running = false;
  for (const id of connectionIds) {
    const m = modes[id];
    if (!m || m.known >= m.total) continue;
    known += m.known;
    total += m.total;
    running ||= m.running;
  }
  if (total === 0) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(known / total);
  return (
    <div className="modes-partial" role="status" data-testid="modes-partial" data-known={known} data-total={total} data-running={running}>
      <span className="badge partial">{t('pdpModes.partial')}</span>
      <span>
        {t('pdpModes.checked', { known, total, percent })} {t(running ? 'pdpModes.running' : 'pdpModes.waiting')} {t(`pdpModes.${effect}`)}
      </span>
      <progress max={total} value={known} aria-label={t('pdpModes.checked', { known, total, percent })} />
    </div>
  );
}
