import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { resolveAppPath } from '../../main/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/shell/security';

export const HARNESS_ORIGIN = 'http://clientdesk.app';
export const RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');

const MIME: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/**
 * Serves the built renderer to the page by intercepting requests in the browser itself:
 * no HTTP server is opened, and every other origin is refused (as the CSP would in Electron).
 */
export async function serveRenderer(context: BrowserContext): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR}/index.html is missing): run \`vite build\` first.`);
  }
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${HARNESS_ORIGIN}/`)) return route.abort('blockedbyclient');
    const file = resolveAppPath(RENDERER_DIR, url.replace(HARNESS_ORIGIN, 'app://clientdesk'));
    if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    const ext = file.split('.').pop() ?? '';
    return route.fulfill({
      status: 200,
      body: await readFile(file),
      headers: { 'content-type': MIME[ext] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
}
