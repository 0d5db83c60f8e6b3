import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { FuseV1Options } from '@electron/fuses';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form YAML, checked field by field below
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('electron-builder configuration', () => {
  it('sets every fuse Electron has, each to its secure value (docs/architecture.md §8)', () => {
    // electron-builder's keys are @electron/fuses' option names with a lower-case first letter.
    const everyFuse = Object.keys(FuseV1Options).filter((name) => Number.isNaN(Number(name))).map((name) => name[0]!.toLowerCase() + name.slice(1));
    const secure = {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    };
    console.info(`fuses Electron defines: ${everyFuse.length}; set in electron-builder.yml: ${Object.keys(config.electronFuses).length}`);
    expect(Object.keys(secure).sort()).toEqual(everyFuse.sort());
    expect(config.electronFuses).toEqual(secure);
    expect(config.asar).toBe(true);
  });

  it('targets AppImage + deb, a hardened dmg with entitlements, and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac).toMatchObject({ target: 'dmg', hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect(readFileSync(config.mac.entitlements, 'utf8')).toContain('com.apple.security.cs.allow-jit');
    expect(config.win.target).toBe('nsis');
    expect(readFileSync(config.linux.icon).subarray(1, 4).toString()).toBe('PNG');
  });

  it('ships prebuilt Node-API natives unpacked and never rebuilds them', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('starts from the built main entry with Node 24 pinned', () => {
    expect(pkg.main).toBe('dist/main/index.js');
    expect(pkg.devDependencies.node).toMatch(/^24\./);
    expect(pkg.engines.node).toContain('24');
    expect(readFileSync('.nvmrc', 'utf8').trim()).toBe('24');
  });
});
