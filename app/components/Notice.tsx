import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, errorTitle, isFieldError } from './errors.ts';

interface NoticeProps {
  kind: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  children: ReactNode;
}

/** A boxed message. Its kind is said in words as well as colour (WCAG 1.4.1). */
export function Notice({ kind, title, children }: NoticeProps) {
  const { t } = useTranslation();
  const icon = { info: 'ℹ', success: '✓', warning: '⚠', error: '⚠' }[kind];
  return (
    <div className={`notice notice--${kind}`}>
      <span className="notice__icon" aria-hidden="true">
        {icon}
      </span>
      <div>
        <p className="notice__title">
          <span className="visually-hidden">{t(`notice.${kind}`)}: </span>
          {title}
        </p>
        <div className="notice__body">{children}</div>
      </div>
    </div>
  );
}

/**
 * A live region that is always in the page, so a screen reader announces an
 * error the moment it appears (a region added together with its text is often missed).
 */
export function ErrorRegion({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div role="alert" aria-live="assertive">
      {error ? (
        <Notice kind={isFieldError(error) ? 'warning' : 'error'} title={errorTitle(t, error)}>
          <p>{isFieldError(error) ? t('fieldCheck.intro') : errorText(t, error)}</p>
        </Notice>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
