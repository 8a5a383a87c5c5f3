import { useTranslation } from 'react-i18next';
import { useSaveLocale } from '../api/auth.ts';
import { changeLocale, currentLocale, storeLocale, type Locale } from '../i18n.ts';

/**
 * Switches between Swedish and English. The button is written in the language
 * it switches to ("In English"), so a reader finds their own language whatever
 * the page is in. The choice is kept on this device, and in the account when
 * logged in, so it follows the user.
 */
export function LanguageSwitch({ loggedIn }: { loggedIn: boolean }) {
  const { t } = useTranslation();
  const saveLocale = useSaveLocale();
  const next: Locale = currentLocale() === 'sv' ? 'en' : 'sv';

  const change = () => {
    storeLocale(next);
    void changeLocale(next);
    if (loggedIn) saveLocale.mutate(next);
  };

  return (
    <button type="button" className="button button--quiet language-switch" onClick={change} lang={next}>
      {t('language.switchTo', { lng: next })}
    </button>
  );
}
