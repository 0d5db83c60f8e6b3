import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';

/**
 * A damaged state file (outbox, audit log, key journal): the app opens on the recovery screen, which says
 * what happened and where the file is, and changes nothing until the user chooses to move it aside.
 */
describe('Recovery screen on a damaged state file', () => {
  let harness: Harness | undefined;
  afterAll(async () => {
    await harness?.close();
  });

  it('shows what happened, the path and the choices; moving the file aside starts the app with a notice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clientdesk-e2e-recovery-'));
    const stateFile = join(dataDir, 'state.sqlite');
    const garbage = Buffer.from('SQLite format 2? no: garbage where the state was. '.repeat(200));
    writeFileSync(stateFile, garbage);
    harness = await launchHarness({ dataDir });
    const { page } = harness;

    await page.getByRole('heading', { level: 1, name: 'Clientdesk needs your decision before it starts' }).waitFor();
    const problem = page.getByTestId('recovery-problem');
    await expect(problem.getAttribute('data-file')).resolves.toBe('state');
    await expect(problem.textContent()).resolves.toMatch(/unsent changes \(outbox\), the audit log and the key rotation journal cannot be read\. The file is damaged\./);
    await expect(page.getByTestId('recovery-path').textContent()).resolves.toBe(stateFile);
    await page.getByRole('button', { name: 'Move it aside and start with an empty outbox and audit log' }).waitFor();
    await page.getByRole('button', { name: 'Quit' }).waitFor();
    await harness.screenshot('recovery-state-damaged');
    expect(readFileSync(stateFile).equals(garbage)).toBe(true);

    await page.getByRole('button', { name: 'Move it aside and start with an empty outbox and audit log' }).click();
    const notice = page.getByTestId('startup-notices');
    await notice.waitFor();
    const moved = readdirSync(dataDir).find((n) => /^state\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.sqlite$/.test(n));
    expect(moved).toBeDefined();
    expect(readFileSync(join(dataDir, moved!)).equals(garbage)).toBe(true);
    await expect(notice.textContent()).resolves.toContain(`${stateFile} was moved to ${join(dataDir, moved!)}`);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(harness.pageErrors).toEqual([]);
  });
});
