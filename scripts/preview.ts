// npm run preview: the app in a real Chromium window through the plain-Node core (no Electron binary needed).
// Works on a desktop session or under Xvfb (`xvfb-run npm run preview`). Data goes to ./.tmp/preview unless
// CLIENTDESK_DATA_DIR says otherwise. Ctrl-C closes it.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchHarness } from '../test/harness/browser-harness';

const dataDir = resolve(process.env.CLIENTDESK_DATA_DIR ?? '.tmp/preview');
mkdirSync(dataDir, { recursive: true });
const harness = await launchHarness({ dataDir, headless: false });
console.log(`Clientdesk preview is open (data: ${dataDir}). Close the window or press Ctrl-C to stop.`);
const stop = async () => {
  await harness.close();
  process.exit(0);
};
harness.page.on('close', () => void stop());
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
