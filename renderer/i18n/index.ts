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
import * as palette from './palette';
import * as dashboard from './dashboard';
import * as errors from './errors';
import * as audit from './audit';
import * as probe from './probe';
import * as bulk from './bulk';

/**
 * Each screen area keeps its strings in its own file exporting `{ en, fr }` with one top-level key
 * (e.g. renderer/i18n/clients.ts → { en: { clients: {…} }, fr: { clients: {…} } }) and is listed here.
 */
const AREA_BUNDLES: Array<{ en: Record<string, unknown>; fr: Record<string, unknown> }> = [ui, demo, connections, clients, pdp, webhook, offline, activity, keys, keychain, recovery, providers, dashboard, errors, audit, probe, palette, bulk];

export const i18n = i18next.createInstance();

/** Interpolated values that are numbers but not quantities: never grouped ("HTTP 404", "#1234"). */
const NOT_QUANTITIES = new Set(['status', 'id', 'uid', 'port', 'year']);

/** Every interpolated number is written the language's way ("5 000" in French, "5,000" in English). */
const localeNumbers = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  format(value: unknown, _format: string | undefined, lng: string | undefined, options?: { interpolationkey?: string }) {
    if (typeof value !== 'number' || !Number.isFinite(value) || NOT_QUANTITIES.has(options?.interpolationkey ?? '')) return value;
    return new Intl.NumberFormat(lng).format(value);
  },
};

void i18n.use(initReactI18next).use(localeNumbers).init({
  resources: {
    en: { translation: Object.assign({}, en, ...AREA_BUNDLES.map((b) => b.en)) },
    fr: { translation: Object.assign({}, fr, ...AREA_BUNDLES.map((b) => b.fr)) },
  },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false, alwaysFormat: true },
  initAsync: false,
});

export function applyLanguage(language: 'fr' | 'en'): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
