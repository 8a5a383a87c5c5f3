import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../common/i18n/en.json';
import sv from '../common/i18n/sv.json';

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

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'sv';
}

// <html lang> follows the language so screen readers pronounce it right (WCAG 3.1.1).
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: storedLocale() ?? 'sv',
  fallbackLng: 'sv',
  supportedLngs: locales,
  interpolation: { escapeValue: false }, // React escapes already.
});
document.documentElement.lang = currentLocale();

export default i18n;
