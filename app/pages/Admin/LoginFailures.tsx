import { useTranslation } from 'react-i18next';
import { useLoginThrottle, useUnlockAccount } from '../../api/login-throttle.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormatDateTime } from '../../components/format.ts';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';

/** Failed sign-ins on one account: from where, since when, who waits; and the unlock. */
export function LoginFailures({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const report = useLoginThrottle(userId);
  const unlock = useUnlockAccount(userId);
  const r = report.data;
  return (
    <section aria-labelledby="login-failures-heading">
      <h2 id="login-failures-heading">{t('loginThrottle.title')}</h2>
      <ErrorRegion error={report.error ?? unlock.error} />
      {report.isPending ? <Loading /> : null}
      {unlock.isSuccess ? (
        <Notice kind="success">
          <p>{t('loginThrottle.unlocked')}</p>
        </Notice>
      ) : null}
      {r && r.addresses.length === 0 ? <p>{t('loginThrottle.none')}</p> : null}
      {r && r.addresses.length > 0 ? (
        <>
          <p>
            {t('loginThrottle.summary', { count: r.failuresInWindow, minutes: r.windowMinutes })}{' '}
            {r.since ? t('loginThrottle.since', { when: formatDateTime(r.since) }) : null}
          </p>
          {r.underAttackUntil ? (
            <Notice kind="warning">
              <p>{t('loginThrottle.underAttack', { when: formatDateTime(r.underAttackUntil) })}</p>
            </Notice>
          ) : null}
          <div className="table-scroll" role="region" aria-labelledby="login-failures-caption" tabIndex={0}>
            <table className="table">
              <caption id="login-failures-caption">{t('loginThrottle.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('loginThrottle.address')}</th>
                  <th scope="col">{t('loginThrottle.failures')}</th>
                  <th scope="col">{t('loginThrottle.last')}</th>
                  <th scope="col">{t('loginThrottle.waiting')}</th>
                </tr>
              </thead>
              <tbody>
                {r.addresses.map((a) => (
                  <tr key={a.ip}>
                    <td>{a.ip}</td>
                    <td>{a.failures}</td>
                    <td>{formatDateTime(a.lastAt)}</td>
                    <td>
                      {a.waitSeconds > 0
                        ? t('loginThrottle.waitMinutes', { count: Math.max(1, Math.ceil(a.waitSeconds / 60)) })
                        : t('loginThrottle.notWaiting')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ConfirmDialog
            trigger={t('loginThrottle.unlock')}
            triggerClassName="button button--secondary"
            title={t('loginThrottle.unlockTitle', { name })}
            body={t('loginThrottle.unlockBody')}
            confirm={t('loginThrottle.unlock')}
            onConfirm={() => unlock.mutate()}
          />
        </>
      ) : null}
    </section>
  );
}
