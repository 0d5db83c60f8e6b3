import type { TFunction } from 'i18next';
import { KEYS_INVENTORY_MAX_LIMIT } from '../../shared/schemas/keys';
import { call, errorShape } from '../app/bridge';
import { errorSentence } from '../components/error-wording';
import { i18n } from '../i18n';
import { keyRowId } from '../stores/keys-slice';
import { useStore } from '../stores/store';
import type { PaletteAction } from './palette-actions';
import { rowsOlderThan } from './palette-actions';

/** Runs a palette action; what it did (or why it could not) is said in a toast. */
export async function runPaletteAction(action: PaletteAction, t: TFunction): Promise<void> {
  const store = useStore.getState();
  switch (action.id) {
    case 'sync-all':
      for (const id of action.connectionIds) store.syncNow(id);
      store.toast('success', t('palette.syncStarted', { count: action.connectionIds.length }));
      return;
    case 'new-client':
      store.navigate({ screen: 'client-new', connectionId: action.connectionId });
      return;
    case 'add-connection':
      store.navigate({ screen: 'connections' }, 'connections.add');
      return;
    case 'start-demo':
      try {
        const connection = await call('demo.start', {});
        await store.loadConnections();
        void store.testConnection(connection.id);
        store.toast('success', t('palette.demoStarted'));
        store.navigate({ screen: 'clients' });
      } catch (err) {
        store.toast('error', errorSentence(errorShape(err), i18n.language, t));
      }
      return;
    case 'rotate-older': {
      // Every key in use, not only the Keys screen's current page.
      const inUse = await call('factpulse.keys.inventory', { filter: 'all', limit: KEYS_INVENTORY_MAX_LIMIT });
      const ids = rowsOlderThan(inUse.rows, action.days, keyRowId);
      store.setKeySelection(ids);
      store.navigate({ screen: 'keys' });
      const message = ids.length > 0 ? t('palette.rotateSelected', { count: ids.length, days: action.days }) : t('palette.rotateNone', { days: action.days });
      store.toast('success', message);
      return;
    }
  }
}
