import { useTranslation } from 'react-i18next';
import { call } from '../../../app/bridge';
import { useStore } from '../../../stores/store';
import { useRemote } from '../../../screens/clients/use-remote';
import './keys.css';

/** Under a double-mode PDP configuration: the local key's fingerprint, or that it is missing here. */
export function PdpKeyFact({ connectionId, clientUid }: { connectionId: string; clientUid: string }) {
  const { t } = useTranslation();
  const inventory = useRemote(`${connectionId}/${clientUid}`, () => call('factpulse.keys.inventory', { connectionId, clientUid }));
  const row = inventory.value?.rows[0];
  if (!inventory.value) return null;
  return (
    <p className="key-fact" data-testid="pdp-key-fact">
      <strong>{t('pdpKeys.localKey')}</strong>
      {row?.fingerprint ? (
        <span className="fingerprint" data-pdp-key-fingerprint={row.fingerprint}>{row.fingerprint}</span>
      ) : (
        <span className="warn" data-pdp-key-missing>{t('pdpKeys.noLocalKey')}</span>
      )}
      <button type="button" onClick={() => useStore.getState().navigate({ screen: 'keys' })}>{t('pdpKeys.openKeys')}</button>
    </p>
  );
}
