// npm start (after the build): launches the built app in Electron. When the Electron binary is missing and
// cannot be downloaded (no network to GitHub, a proxy), it says so in one paragraph instead of a stack trace,
// and points to `npm run preview`, which runs the same UI without Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

/** The line of the downloader's output that says why it failed (the rest is a stack trace). */
function reasonFrom(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const telling = lines.find((l) => /E[A-Z]{3,}|getaddrinfo|HTTPError|status code|timed? ?out|certificate|proxy/i.test(l) && !l.startsWith('at '));
  return (telling ?? lines.find((l) => !l.startsWith('at ')) ?? 'no reason given').replace(/^\w*Error:\s*/, '').slice(0, 200);
}

function installed(): boolean {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
}

function explain(reason: string): never {
  console.error(
    `\nClientdesk is built, but it cannot start in Electron: the Electron binary is not installed and downloading it failed (${reason}). ` +
      'This happens when this computer cannot reach github.com, where npm fetches Electron on first start (no network, a firewall or a proxy npm does not pass on); ' +
      'nothing is wrong with the app or your data. `npm run preview` runs the same UI in Chromium through the same core without Electron ' +
      '(Debian/Ubuntu: `apt-get install chromium`); for the desktop app, run `npm start` again once GitHub is reachable, or point ELECTRON_MIRROR at a mirror you can reach.\n',
  );
  process.exit(1);
}

if (!installed()) {
  console.log('Downloading the Electron binary (first start only)…');
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  if (download.status !== 0 || !installed()) explain(download.error ? download.error.message : reasonFrom(`${download.stderr}\n${download.stdout}`));
}

const binary = require('electron') as string;
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('error', (err) => explain(err.message));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
