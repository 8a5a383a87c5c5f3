import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadUrl, useExtracts, useRequestExtract, type ExtractOwner } from '../../api/records.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useFormatDateTime } from '../../components/format.ts';
import { useSession } from '../../components/RequireSession.tsx';

/** Request an extract (after a confirmation: it gathers sensitive data and is logged), follow it, download it. */
export function ExtractsPanel({ owner }: { owner: ExtractOwner }) {
  const { t } = useTranslation();
  const list = useExtracts(owner);
  const request = useRequestExtract(owner);
  const [requested, setRequested] = useState(false);
  const dateTime = useFormatDateTime();
  const me = useSession();

  return (
    <>
      <ErrorRegion error={request.error ?? list.error} />
      <p role="status">{requested && !request.isPending ? t('records.page.requested') : ''}</p>
      <ConfirmDialog
        trigger={request.isPending ? t('records.page.requesting') : t('records.page.request')}
        triggerClassName="button"
        title={t('records.page.request')}
        body={t('records.page.confirm')}
        confirm={t('records.page.confirmYes')}
        onConfirm={() => request.mutate(undefined, { onSuccess: () => setRequested(true) })}
      />
      <section className="panel" aria-labelledby="extracts-heading">
        <h2 id="extracts-heading">{t('records.page.listTitle')}</h2>
        {list.isPending ? <Loading /> : null}
        {list.data?.items.length === 0 ? <p>{t('records.page.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('records.page.requestedAt')}</th>
                <th scope="col">{t('records.page.requestedBy')}</th>
                <th scope="col">{t('records.page.statusCol')}</th>
                <th scope="col">{t('records.page.file')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((x) => (
                <tr key={x.id}>
                  <td>{dateTime(x.requestedAt)}</td>
                  <td>{x.requestedBy.displayName}</td>
                  <td>
                    {t(`records.page.status.${x.status}`)}
                    {x.status === 'queued' || x.status === 'building' ? (
                      <>
                        {' '}
                        <progress max={100} value={x.progress} aria-label={t('records.page.progress')} />
                      </>
                    ) : null}
                  </td>
                  <td>
                    {x.status === 'ready' && x.requestedBy.userId !== me.user.id ? (
                      t('records.page.othersExtract')
                    ) : x.status === 'ready' ? (
                      <>
                        <a href={downloadUrl(x.id)} download>
                          {t('records.page.download')}
                        </a>
                        {x.expiresAt ? (
                          <>
                            <br />
                            <small>{t('records.page.expires', { date: dateTime(x.expiresAt) })}</small>
                          </>
                        ) : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
