import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/schemas/connections';
import { call } from '../../app/bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DemoCard } from '../../components/DemoCard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { hasUnsavedEdits } from '../../stores/nav-slice';
import { useStore } from '../../stores/store';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';
import { CredentialInventory } from '../directory/CredentialInventory';

type Editing = { mode: 'add'; opened?: number } | { mode: 'edit'; connection: Connection } | null;

export function ConnectionsScreen() {
  const { t } = useTranslation();
  const connections = useStore((s) => s.connections);
  const loaded = useStore((s) => s.connectionsLoaded);
  const loadError = useStore((s) => s.connectionsError);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Connection | null>(null);
  /** Another connection's form asked for while this one holds edits: held until the user discards them. */
  const [replacing, setReplacing] = useState<Connection | null>(null);
  const edit = (connection: Connection) => (editing && hasUnsavedEdits() ? setReplacing(connection) : setEditing({ mode: 'edit', connection }));

  // The command palette's "Add connection" opens a fresh form (also over one whose edits were just discarded),
  // with focus on its first field: on arrival, or when asked again while this screen shows.
  useEffect(() => {
    const takeAddIntent = () => {
      const { intent, pendingRoute, takeIntent } = useStore.getState();
      if (intent !== 'connections.add' || pendingRoute || !takeIntent('connections.add')) return;
      setEditing({ mode: 'add', opened: Date.now() });
      setTimeout(() => document.getElementById('conn-label')?.focus(), 0);
    };
    takeAddIntent();
    return useStore.subscribe(takeAddIntent);
  }, []);

  async function remove(connection: Connection) {
    await call('connections.remove', { id: connection.id, confirm: true });
    const { loadConnections, toast, forgetConnection } = useStore.getState();
    forgetConnection(connection.id);
    await loadConnections();
    toast('success', t('connections.removed', { label: connection.label }));
  }

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t('nav.connections')}</h1>
        {!editing && (
          <button type="button" className="primary" onClick={() => setEditing({ mode: 'add' })}>
            {t('connections.add')}
          </button>
        )}
      </header>
      <ErrorNotice error={loadError} />
      {editing && (
        <ConnectionForm
          key={editing.mode === 'edit' ? editing.connection.id : `new-${editing.opened ?? 0}`}
          connection={editing.mode === 'edit' ? editing.connection : null}
          onDone={() => setEditing(null)}
        />
      )}
      {loaded && connections.length === 0 && !editing && (
        <>
          <DemoCard />
          <div className="empty-state" role="status">
            <p className="empty-purpose">{t('empty.connections')}</p>
            <p>{t('connections.emptyHint')}</p>
          </div>
        </>
      )}
      <div className="connection-list">
        {connections.map((c) => (
          <ConnectionCard key={c.id} connection={c} onEdit={() => edit(c)} onRemove={() => setRemoving(c)} />
        ))}
      </div>
      <CredentialInventory />
      {replacing && (
        <ConfirmDialog
          title={t('ui.unsavedTitle')}
          body={t('ui.unsavedBody')}
          confirmLabel={t('ui.unsavedDiscard')}
          danger
          onConfirm={async () => setEditing({ mode: 'edit', connection: replacing })}
          onClose={() => setReplacing(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('connections.removeTitle', { label: removing.label })}
          body={t('connections.removeBody')}
          confirmLabel={t('connections.remove')}
          danger
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
