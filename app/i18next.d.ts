import 'i18next';
import type sv from '../common/i18n/sv.json';

// Typed keys: a t('…') call with a key missing from sv.json fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}
