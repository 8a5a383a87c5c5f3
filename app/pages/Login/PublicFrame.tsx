import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../components/errors.ts';
import { shownBy } from '../../../common/errors-shown.ts';
import { identityErrors } from '../../../common/errors-shown-pages.ts';

/** The frame of the pages reached without a session: the login page's look, its title and heading. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  // A new title is new content (a link checked, a step done): read it out.
  useEffect(() => headingRef.current?.focus(), [title]);
  return (
    <div className="login">
      <header className="login__header">
        <p className="login__brand">{t('app.name')}</p>
        <LanguageSwitch loggedIn={false} />
      </header>
      <main id="main" className="login__main">
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}

/** The identity pages' own error ids first, then the shared texts. */
export function useIdentityErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error) && shownBy(identityErrors, error.code)) return t(`identity.errors.${error.code}`);
    return errorText(t, error);
  };
}

/** The one-time token of a link: in the fragment, which the browser never sends to a server. */
export function tokenFromHash(hash: string): string {
  return hash.replace(/^#/, '');
}
