// npm run preview: the app in a real Chromium window through the plain-Node core (no Electron binary needed).
// Works on a desktop session or under Xvfb (`xvfb-run npm run preview`). Data goes to ./.tmp/preview unless
// CLIENTDESK_DATA_DIR says otherwise. Ctrl-C closes it.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchHarness } from '../test/harness/browser-harness';
import { DEFAULT_SERVICE, openKeychain } from '../main/core/vault';

const dataDir = resolve(process.env.CLIENTDESK_DATA_DIR ?? '.tmp/preview');
mkdirSync(dataDir, { recursive: true });
// The app's own keychain service, so saved connections keep their credentials from one preview to the next
// (the tests use a throwaway service per run instead).
const { keychain } = await openKeychain({ service: DEFAULT_SERVICE });
const harness = await launchHarness({ dataDir, headless: false, keychain });
console.log(`Clientdesk preview is open (data: ${dataDir}). Close the window or press Ctrl-C to stop.`);
const stop = async () => {
  await harness.close();
  process.exit(0);
};
harness.page.on('close', () => void stop());
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
