import { useEffect } from 'react';
import type { Settings } from '../../shared/schemas/settings';
import { applyLanguage } from '../i18n';

function resolveTheme(theme: Settings['theme']): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies language and theme (following the system when asked) to the document. */
export function useAppearance(settings: Settings | null): void {
  useEffect(() => {
    if (!settings) return;
    applyLanguage(settings.language);
    const root = document.documentElement;
    root.dataset.themeSetting = settings.theme;
    root.dataset.theme = resolveTheme(settings.theme);
    if (settings.theme !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => {
      root.dataset.theme = resolveTheme('system');
    };
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [settings]);
}
