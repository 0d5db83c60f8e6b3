import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../../main/core/create-core';
import { createMemoryStore } from '../../../../../main/core/settings/key-value-store';
import { createMemoryKeychain } from '../../../../../main/core/vault';

describe('file dialogs under plain Node (preview, harness)', () => {
  it('saves under <dataDir>/backups and has no open picker (the user types a path)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-dialogs-'));
    const core = await createCore({ dataDir, keychain: createMemoryKeychain(), settingsStore: createMemoryStore(), resumeDemo: false, log: () => {} });
    try {
      const saved = await core.router.invoke('dialog.saveFile', { defaultName: 'keys-2024.cdkeys' }, {});
      expect(saved).toEqual({ ok: true, value: { path: join(dataDir, 'backups', 'keys-2024.cdkeys'), native: false } });
      expect(existsSync(join(dataDir, 'backups'))).toBe(true);
      expect(await core.router.invoke('dialog.openFile', {}, {})).toEqual({ ok: true, value: { path: null, native: false } });
      expect(await core.router.invoke('dialog.saveFile', { defaultName: 'a/b' }, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      await core.close();
    }
  });
});
