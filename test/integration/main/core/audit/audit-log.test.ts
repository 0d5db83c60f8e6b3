import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../../../main/core/audit/audit-log';
import type { AuditLog } from '../../../../../main/core/audit/audit-log';
import { exportAudit } from '../../../../../main/core/audit/audit-export';
import type { CacheDb } from '../../../../../main/core/cache/database';
import { openDatabase } from '../../../../../main/core/cache/database';
import { tempDb } from '../../../../unit/main/core/cache/temp-db';

let db: CacheDb;
let dir: string;
let file: string;
let cleanup: () => void;
let audit: AuditLog;

beforeEach(() => {
  ({ db, dir, file, cleanup } = tempDb());
  audit = createAuditLog(db);
  audit.append({ connectionId: 'A', clientId: 'c1', action: 'clients.update', outcome: 'ok', summary: 'Edit name="Boulangerie"' });
  audit.append({ connectionId: 'A', clientId: 'c2', action: 'clients.setActive', outcome: 'queued', summary: 'Deactivate — queued offline as #1' });
  audit.append({ connectionId: 'B', clientId: 'c3', action: 'pdp.update', outcome: 'failed', requestId: 'req-42', summary: 'PDP configuration clientSecret=hunter2-very-secret' });
  audit.append({ connectionId: 'A', clientId: 'c1', action: 'key.rotate', outcome: 'ok', summary: 'key 0123abcd → 4567ef01' });
});
afterEach(() => cleanup());

describe('audit log', () => {
  it('chains every entry to the previous one and verifies clean', () => {
    const { rows, total } = audit.list({ limit: 10 });
    expect(total).toBe(4);
    expect(rows.map((r) => r.id)).toEqual([4, 3, 2, 1]);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(4);
    expect(audit.verify()).toMatchObject({ ok: true, count: 4, brokenAtId: null, reason: null });
    expect(audit.list({ connectionId: 'A', clientId: 'c1', limit: 10 }).rows.map((r) => r.action)).toEqual(['key.rotate', 'clients.update']);
    expect(audit.list({ beforeId: 3, limit: 1 }).rows.map((r) => r.id)).toEqual([2]);
  });

  it('never stores a secret in a summary', () => {
    const text = JSON.stringify(audit.list({ limit: 10 }).rows);
    expect(text).not.toContain('hunter2-very-secret');
    expect(text).toContain('[redacted]');
  });

  it('detects an edited entry, a deleted entry and a forged hash, at the first broken link', () => {
    db.sqlite.prepare(`UPDATE audit_log SET summary = 'Edit name="Innocent"' WHERE id = 1`).run();
    expect(audit.verify()).toMatchObject({ ok: false, count: 1, brokenAtId: 1, reason: 'mismatch' });
  });

  it('detects a deleted entry', () => {
    db.sqlite.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(audit.verify()).toMatchObject({ ok: false, brokenAtId: 3 });
  });

  it('detects an entry rewritten with a recomputed own hash (the next link breaks)', async () => {
    const { entryHash } = await import('../../../../../main/core/audit/audit-log');
    const row = db.sqlite.prepare('SELECT * FROM audit_log WHERE id = 2').get() as Parameters<typeof entryHash>[1] & { prev_hash: string };
    const forged = { ...row, outcome: 'ok' };
    db.sqlite.prepare('UPDATE audit_log SET outcome = ?, hash = ? WHERE id = 2').run('ok', entryHash(row.prev_hash, forged));
    expect(audit.verify()).toMatchObject({ ok: false, brokenAtId: 3 });
  });

  it('survives a reopen and keeps chaining', () => {
    db.close();
    const reopened = openDatabase(file);
    const again = createAuditLog(reopened);
    again.append({ action: 'clients.create', outcome: 'ok', summary: 'Create name="X"' });
    expect(again.verify()).toMatchObject({ ok: true, count: 5, brokenAtId: null });
    reopened.close();
  });

  it('exports to CSV and JSON at a path the user chose, and refuses bad paths', () => {
    const csvPath = join(dir, 'activity.csv');
    expect(exportAudit(audit, csvPath, 'csv')).toMatchObject({ path: csvPath, count: 4 });
    const csv = readFileSync(csvPath, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('id,at,connectionId,clientId,action,outcome,requestId,summary,hash');
    expect(csv).toHaveLength(5);
    expect(csv[1]).toContain('"Edit name=""Boulangerie"""');

    const jsonPath = join(dir, 'activity.json');
    expect(exportAudit(audit, jsonPath, 'json', 'B').count).toBe(1);
    const parsed = JSON.parse(readFileSync(jsonPath, 'utf8')) as { chain: { ok: boolean }; entries: Array<{ requestId: string }> };
    expect(parsed.chain.ok).toBe(true);
    expect(parsed.entries.map((e) => e.requestId)).toEqual(['req-42']);

    mkdirSync(join(dir, 'folder.csv'));
    for (const [path, message] of [
      ['relative/activity.csv', /full path/],
      [join(dir, 'activity.txt'), /end with \.csv/],
      [join(dir, 'missing', 'activity.csv'), /folder does not exist/],
      [join(dir, 'folder.csv'), /folder has that name/],
      [`${dir}/bad\0.csv`, /not valid/],
    ] as const) {
      expect(() => exportAudit(audit, path, 'csv')).toThrow(message);
    }
    expect(existsSync(join(dir, 'activity.txt'))).toBe(false);
  });

  it('guards CSV cells against formula injection', () => {
    audit.append({ action: 'clients.update', outcome: 'ok', summary: '=HYPERLINK("http://evil")' });
    const path = join(dir, 'a.csv');
    exportAudit(audit, path, 'csv');
    expect(readFileSync(path, 'utf8')).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
