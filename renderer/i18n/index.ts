import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import * as ui from './ui';
import * as demo from './demo';
import * as connections from './connections';
import * as clients from './clients';
import * as pdp from './pdp';
import * as webhook from './webhook';
import * as offline from './offline';
import * as activity from './activity';
import * as keys from './keys';
import * as keychain from './keychain';
import * as recovery from './recovery';
import * as providers from './providers';

/**
 * Each screen area keeps its strings in its own file exporting `{ en, fr }` with one top-level key
 * (e.g. renderer/i18n/clients.ts → { en: { clients: {…} }, fr: { clients: {…} } }) and is listed here.
 */
const AREA_BUNDLES: Array<{ en: Record<string, unknown>; fr: Record<string, unknown> }> = [ui, demo, connections, clients, pdp, webhook, offline, activity, keys, keychain, recovery, providers];

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: Object.assign({}, en, ...AREA_BUNDLES.map((b) => b.en)) },
    fr: { translation: Object.assign({}, fr, ...AREA_BUNDLES.map((b) => b.fr)) },
  },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function applyLanguage(language: 'fr' | 'en'): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
