import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createCore } from '../../main/core/create-core';
import type { Core, CoreOptions } from '../../main/core/create-core';
import { openKeychain } from '../../main/core/vault';
import type { Keychain } from '../../main/core/vault';
import { EVENT_NAMES } from '../../shared/ipc';
import { HARNESS_ORIGIN, serveRenderer } from './serve-renderer';

export const CHROMIUM_PATH = process.env.CLIENTDESK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../e2e/__screenshots__');

export interface HarnessOptions {
  dataDir?: string;
  headless?: boolean;
  keychain?: Keychain;
  viewport?: { width: number; height: number };
  core?: Partial<CoreOptions>;
}

export interface Harness {
  page: Page;
  browser: Browser;
  dataDir: string;
  keychain: Keychain;
  core(): Core;
  /** Closes the core and opens a new one on the same data dir and keychain, then reloads the page. */
  restartCore(): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** Console errors and CSP violations seen in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Installs the same two-function `window.clientdesk` the preload exposes, over Playwright bindings. */
function bridgeScript(eventNames: string[]): string {
  return `(() => {
    const names = new Set(${JSON.stringify(eventNames)});
    const listeners = new Map();
    const invoke = (channel, input) => window.__clientdeskInvoke(channel, input).then((text) => JSON.parse(text));
    const on = (event, listener) => {
      if (!names.has(event)) throw new Error('Unknown event "' + String(event).slice(0, 64) + '".');
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    };
    Object.defineProperty(window, 'clientdesk', { value: Object.freeze({ invoke, on }), configurable: false, writable: false });
    Object.defineProperty(window, '__clientdeskDispatch', { value: (event, payload) => {
      for (const l of listeners.get(event) ?? []) { try { l(payload); } catch (e) { console.error(e); } }
    }, configurable: false, writable: false });
  })();`;
}

export async function launchHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'clientdesk-harness-'));
  const keychain = options.keychain ?? (await openKeychain({ service: `clientdesk-harness-${process.pid}` })).keychain;
  const coreOptions = (): CoreOptions => ({
    dataDir,
    keychain,
    appVersion: '0.1.0',
    runtime: 'node',
    isTrustedSender: (url) => typeof url === 'string' && url.startsWith(`${HARNESS_ORIGIN}/`),
    ...options.core,
  });
  let core = await createCore(coreOptions());
  let unforward = forwardEvents();

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: options.headless ?? true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, colorScheme: 'light' });
  await serveRenderer(context);
  // The answer crosses as one JSON string: Playwright's own serializer takes about a second for a 500-row window,
  // where Electron's structured clone takes milliseconds, and that cost is the harness's, not the app's.
  await context.exposeBinding('__clientdeskInvoke', async (source, channel: unknown, input: unknown) =>
    JSON.stringify(await core.router.invoke(channel, input, { senderUrl: source.frame.url() })),
  );
  await context.addInitScript(bridgeScript(EVENT_NAMES));
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${HARNESS_ORIGIN}/index.html`);

  function forwardEvents(): () => void {
    return core.events.onAny((event, payload) => {
      void page?.evaluate(([e, p]) => (window as unknown as { __clientdeskDispatch(e: unknown, p: unknown): void }).__clientdeskDispatch(e, p), [event, payload] as const).catch(() => {});
    });
  }

  async function restartCore(): Promise<void> {
    unforward();
    await core.close();
    core = await createCore(coreOptions());
    unforward = forwardEvents();
    await page.reload();
  }

  async function screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    return file;
  }

  async function close(): Promise<void> {
    unforward();
    await browser.close().catch(() => {});
    await core.close();
  }

  return { page, browser, dataDir, keychain, core: () => core, restartCore, screenshot, pageErrors, close };
}
