import { useTranslation } from 'react-i18next';
import { useLoginInfo } from '../../api/auth.ts';
import { Notice } from '../../components/Notice.tsx';
import { DEMO_PASSWORD, demoLogins } from './demoLogins.ts';

/** On a server with the demo tenant: says the data is fictional and how to log in. */
export function DemoNotice({ onPick }: { onPick: (email: string, password: string) => void }) {
  const { t } = useTranslation();
  const info = useLoginInfo();
  if (!info.data?.demo) return null;
  return (
    <Notice kind="info" title={t('demo.noticeTitle')}>
      <p>{info.data.demoTotpOff ? t('demo.noticeTotpOff') : t('demo.notice')}</p>
      <p>
        {t('demo.password')} <code className="code">{DEMO_PASSWORD}</code>
      </p>
      <details className="demo-logins">
        <summary>{t('demo.showLogins')}</summary>
        <ul>
          {demoLogins.map((login) => (
            <li key={login.email}>
              <span className="demo-logins__role">{t(`role.${login.role}`)}</span>
              <button
                type="button"
                className="button button--link"
                onClick={() => onPick(login.email, DEMO_PASSWORD)}
                aria-label={t('demo.useLogin', { email: login.email })}
              >
                {login.email}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </Notice>
  );
}
