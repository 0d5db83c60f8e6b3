import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../app/shortcuts';
import { Dialog } from '../components/Dialog';
import { closeOverlay } from './palette-state';
import './palette.css';

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

function Keys({ keys }: { keys: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && <span className="muted"> {t('shortcuts.then')} </span>}
          {key.split('+').map((part) => (
            <kbd key={part}>{part === 'mod' ? (isMac() ? '⌘' : 'Ctrl') : part}</kbd>
          ))}
        </Fragment>
      ))}
    </>
  );
}

/** `?`: every shortcut, and what Escape, Enter and Tab do in a dialog. */
export default function ShortcutsHelp() {
  const { t } = useTranslation();
  const rows: Array<{ keys: string[]; label: string }> = [
    ...SHORTCUTS.map((s) => ({ keys: s.keys, label: t(s.label) })),
    { keys: ['Escape'], label: t('shortcuts.escape') },
    { keys: ['Enter'], label: t('shortcuts.enter') },
    { keys: ['Tab'], label: t('shortcuts.tab') },
  ];
  return (
    <Dialog title={t('shortcuts.title')} onClose={closeOverlay} onSubmit={closeOverlay} testId="shortcuts-help" actions={<button type="submit" className="primary">{t('common.close')}</button>}>
      <p className="muted">{t('shortcuts.intro')}</p>
      <table className="data shortcuts-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keyColumn')}</th>
            <th scope="col">{t('shortcuts.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.keys.join(' ')} data-shortcut={row.keys.join(' ')}>
              <td className="shortcut-keys"><Keys keys={row.keys} /></td>
              <td>{row.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
