import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The folder is the runtime: these imports must fail `npm test` through the lint rule. */
const cases: Array<{ file: string; code: string; allowed: boolean }> = [
  { file: 'main/core/example.ts', code: "import { app } from 'electron';\nexport const x = app;\n", allowed: false },
  { file: 'main/core/vault/example.ts', code: "import { safeStorage } from 'electron/main';\nexport const x = safeStorage;\n", allowed: false },
  { file: 'shared/example.ts', code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", allowed: false },
  { file: 'shared/example.ts', code: "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", allowed: false },
  { file: 'renderer/example.ts', code: "import { join } from 'path';\nexport const x = join;\n", allowed: false },
  { file: 'renderer/example.ts', code: "import { createCore } from '../main/core/create-core';\nexport const x = createCore;\n", allowed: false },
  { file: 'renderer/example.ts', code: "import { channels } from '../shared/ipc';\nexport const x = channels;\n", allowed: true },
  { file: 'main/index.ts', code: "import { app } from 'electron';\nexport const x = app;\n", allowed: true },
];

describe('layering lint rule', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  it.each(cases)('$file: $code', async ({ file, code, allowed }) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    const restricted = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(restricted.length === 0).toBe(allowed);
  });
});
