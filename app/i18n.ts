import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// Only the other language's name for itself ("In English", for the switch) comes with Swedish;
// the rest of English is a file of its own, fetched when English is chosen (loadLocale).
import { language as enLanguage } from '../common/i18n/en.json?switch';
import sv from '../common/i18n/sv.json';
import { loadShownAreas } from './i18nAreas.ts';

export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];

const STORAGE_KEY = 'navet.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language chosen on this device, if any. It wins over the account's saved choice. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage off: the choice then lasts for this page only.
  }
}

const loaded = new Set<Locale>(['sv']);

/** Fetches a language's texts once; Swedish is always there. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return;
  const { default: texts } = await import('../common/i18n/en.json');
  i18n.addResourceBundle(locale, 'translation', texts, true, true);
  loaded.add(locale);
}

/** Switches the language once its texts are here, so the page never shows a mix. */
export async function changeLocale(locale: Locale): Promise<void> {
  await Promise.all([loadLocale(locale), loadShownAreas(locale)]);
  await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'sv';
}

// <html lang> follows the language so screen readers pronounce it right (WCAG 3.1.1).
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  // A caller that switched without changeLocale still gets the texts, a moment later.
  if (isLocale(lng) && !loaded.has(lng)) void changeLocale(lng);
});

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: { language: enLanguage } } },
  lng: storedLocale() ?? 'sv',
  fallbackLng: 'sv',
  supportedLngs: locales,
  interpolation: { escapeValue: false }, // React escapes already.
});
document.documentElement.lang = currentLocale();

/** Resolves when the texts of the language the page starts in are here (main.tsx renders after it). */
export const localeReady: Promise<void> = loadLocale(currentLocale());

export default i18n;
