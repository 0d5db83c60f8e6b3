import { ERROR_MESSAGES, KEY_NOT_KEPT_MESSAGE } from '../../../shared/errors';
import { i18n } from '../../../renderer/i18n';

/** A phrase long enough not to occur in French by chance: two words and 8 characters, or three words inside a sentence with placeholders. */
function phrasesOf(en: string): string[] {
  if (!en.includes('{{')) return en.trim().split(/\s+/).length >= 2 && en.length >= 8 ? [en] : [];
  return en
    .split(/\{\{[^}]*\}\}/)
    .map((part) => part.trim())
    .filter((part) => part.split(/\s+/).length >= 3 && part.length >= 15);
}

/**
 * English the French window must not show: every UI string whose French differs (whole, or the fixed parts
 * between its placeholders) and main's English error messages.
 */
export function englishPhrases(): string[] {
  const out = new Set<string>();
  const walk = (en: unknown, fr: unknown) => {
    if (typeof en === 'string') {
      if (en !== fr) for (const phrase of phrasesOf(en)) out.add(phrase);
    } else if (en && typeof en === 'object') for (const [k, v] of Object.entries(en)) walk(v, (fr as Record<string, unknown> | undefined)?.[k]);
  };
  walk(i18n.getResourceBundle('en', 'translation'), i18n.getResourceBundle('fr', 'translation'));
  for (const message of [...Object.values(ERROR_MESSAGES).map((m) => m.en), KEY_NOT_KEPT_MESSAGE.en]) out.add(message);
  return [...out];
}

/** What the FactPulse sandbox says in French, which the English window shows only under "Details". */
export const SERVER_FRENCH = ['Secret chiffré', 'Client activé', 'Client désactivé', 'Aucune configuration PDP', 'Accès refusé', 'Client introuvable', 'Clé de chiffrement renouvelée'];

/** The page's visible text without the user's own data (connection labels, client names), which is no UI string. */
export function withoutData(text: string, data: readonly string[]): string {
  return [...data].sort((a, b) => b.length - a.length).reduce((t, value) => (value ? t.split(value).join('') : t), text);
}
