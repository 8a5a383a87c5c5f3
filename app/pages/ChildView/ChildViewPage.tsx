import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useChildLogout, useChildViewMe } from '../../api/childView.ts';
import { currentLocale } from '../../i18n.ts';
import { ChildHome } from './ChildHome.tsx';
import {
  childT,
  htmlLang,
  languageFrom,
  metaOf,
  storeChildLanguage,
  storedChildLanguage,
  type ChildLanguage,
} from './childText.ts';
import './childView.css';
import { CodeForm } from './CodeForm.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { ReadAloud } from './ReadAloud.tsx';

/**
 * The child's own view, outside the adults' shell and session: first the code
 * from the adult who handed over the link, then the child's page. Its language
 * is the child's choice, else the child's first language the view speaks,
 * else the phone's; `lang` and `dir` on <html> follow it.
 */
export function ChildViewPage() {
  const { token } = useParams();
  const navigate = useNavigate();
  const me = useChildViewMe();
  const logout = useChildLogout();
  const [chosen, setChosen] = useState<ChildLanguage | null>(storedChildLanguage);
  const [justRedeemed, setJustRedeemed] = useState(false);
  const [loggedOut, setLoggedOut] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const lang: ChildLanguage =
    chosen ?? languageFrom(me.data?.languages ?? []) ?? languageFrom(navigator.languages) ?? 'sv';
  const t = useMemo(() => childT(lang), [lang]);
  const meta = metaOf(lang);

  useEffect(() => {
    const html = document.documentElement;
    html.lang = htmlLang(lang);
    html.dir = meta.dir;
    document.title = t('page.title');
    return () => {
      // Back in the adults' part of the app (same tab): their language, left to right.
      html.lang = currentLocale();
      html.dir = 'ltr';
    };
  }, [lang, meta.dir, t]);

  const choose = (next: ChildLanguage) => {
    setChosen(next);
    storeChildLanguage(next);
  };

  let content;
  if (loggedOut) {
    content = (
      <h1 className="cv-title" tabIndex={-1}>
        {t('close.done')}
      </h1>
    );
  } else if (me.isPending) {
    content = (
      <p role="status" className="cv-lead">
        {t('page.loading')}
      </p>
    );
  } else if (me.isError) {
    content = (
      <>
        <h1 className="cv-title">{t('page.title')}</h1>
        <div role="alert" className="cv-alert">
          <span aria-hidden="true" className="cv-alert__icon">
            ⚠
          </span>
          <p>{t('page.loadError')}</p>
        </div>
        <button type="button" className="cv-button" onClick={() => void me.refetch()}>
          {t('page.retry')}
        </button>
      </>
    );
  } else if (me.data) {
    content = <ChildHome me={me.data} t={t} lang={lang} focusOnShow={justRedeemed} />;
  } else if (token) {
    content = (
      <CodeForm
        t={t}
        token={token}
        onRedeemed={() => {
          setJustRedeemed(true);
          // The link is spent: keep it out of the address bar and the history.
          void navigate('/c', { replace: true });
        }}
      />
    );
  } else {
    content = (
      <>
        <h1 className="cv-title">{t('page.title')}</h1>
        <p className="cv-lead">{t('code.errors.askForNew')}</p>
      </>
    );
  }

  return (
    <div className="cv">
      <header className="cv-top">
        <LanguagePicker t={t} value={lang} onChange={choose} />
        <ReadAloud t={t} speechLang={meta.speechLang} target={mainRef} />
      </header>
      <main id="main" ref={mainRef} className="cv-main">
        {content}
        {me.data && !loggedOut ? (
          <p className="cv-logout">
            <button
              type="button"
              className="cv-button cv-button--secondary"
              onClick={() => logout.mutate(undefined, { onSuccess: () => setLoggedOut(true) })}
            >
              {t('close.logout')}
            </button>
          </p>
        ) : null}
      </main>
    </div>
  );
}
