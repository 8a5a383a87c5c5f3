import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildLinkCreated } from '../../../common/schemas/child-view.ts';
import type { ChildDetail } from '../../../common/schemas/children.ts';
import { useChildLinks, useCreateChildLink, useRevokeChildLink } from '../../api/childRecord.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { useFormatDateTime } from '../format.ts';
import { Loading } from '../Notice.tsx';
import { HubErrorRegion, SavedRegion } from './HubError.tsx';
import { sectionIds } from './sections.ts';

/**
 * The child's own page: a personal link and a six-digit code. The code is in
 * this component's memory only, shown once, and gone when the user says it is
 * handed over or leaves the page.
 */
export function ChildLinks({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const enabled = child.abilities.createChildLink;
  const links = useChildLinks(child.id, enabled);
  const create = useCreateChildLink(child.id);
  const revoke = useRevokeChildLink(child.id);
  const formatDateTime = useFormatDateTime();
  const [created, setCreated] = useState<ChildLinkCreated | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const createRef = useRef<HTMLButtonElement>(null);
  if (!enabled) return null;

  const make = () =>
    create.mutate(undefined, {
      onSuccess: (link) => {
        setCreated(link);
        setSaved(null);
        // Let a screen reader land on the code, which is the point of the step.
        requestAnimationFrame(() => resultRef.current?.focus());
      },
    });
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setSaved(t('hub.link.copied'));
    } catch {
      setSaved(t('hub.link.copyFailed'));
    }
  };
  const items = links.data?.items ?? [];
  const hasLiveLink = items.some((l) => l.status === 'waiting' || l.status === 'in_use');

  return (
    <section className="panel hub-section" id={sectionIds.childLink} aria-labelledby="child-link-heading">
      <h2 id="child-link-heading">{t('hub.link.title')}</h2>
      <p>{t('hub.link.intro')}</p>
      <HubErrorRegion error={create.error ?? revoke.error ?? links.error} />
      <SavedRegion message={saved} />
      {created ? (
        <div className="hub-link-result" ref={resultRef} tabIndex={-1} aria-labelledby="link-result-heading">
          <h3 id="link-result-heading">
            <span aria-hidden="true">✓ </span>
            {t('hub.link.createdTitle')}
          </h3>
          <p className="hub-strong">{t('hub.link.once')}</p>
          <dl className="hub-link-secret">
            <div>
              <dt>{t('hub.link.url')}</dt>
              <dd>
                <span className="code break" data-testid="child-link-url">
                  {created.url}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('hub.link.code')}</dt>
              <dd>
                <span className="code code--secret hub-code" data-testid="child-link-code">
                  {created.code}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('hub.link.expires')}</dt>
              <dd>{formatDateTime(created.expiresAt)}</dd>
            </div>
          </dl>
          <p>{t('hub.link.inPerson')}</p>
          <div className="hub-actions">
            <button type="button" className="button button--secondary" onClick={() => void copy(created.url)}>
              {t('hub.link.copy')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setCreated(null);
                requestAnimationFrame(() => createRef.current?.focus());
              }}
            >
              {t('hub.link.handedOver')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {hasLiveLink ? <p className="hub-muted">{t('hub.link.replaces')}</p> : null}
          <button ref={createRef} type="button" className="button" onClick={make} disabled={create.isPending}>
            {create.isPending ? t('hub.saving') : t('hub.link.create')}
          </button>
        </>
      )}
      <h3>{t('hub.link.listTitle')}</h3>
      {links.isPending ? <Loading /> : null}
      {links.data && items.length === 0 ? <p>{t('hub.link.none')}</p> : null}
      <ul className="hub-plain-list hub-link-list">
        {items.map((l) => (
          <li key={l.id} className="hub-link-item">
            <p>
              <strong>{t(`hub.link.status.${l.status}`)}</strong>
            </p>
            <p className="hub-muted hub-small">
              {t('hub.link.createdBy', {
                when: formatDateTime(l.createdAt),
                who: l.createdBy ?? t('hub.unknownPerson'),
              })}
              {l.redeemedAt ? ` · ${t('hub.link.redeemedAt', { when: formatDateTime(l.redeemedAt) })}` : null}
              {l.status === 'waiting' ? ` · ${t('hub.link.expiresAt', { when: formatDateTime(l.expiresAt) })}` : null}
            </p>
            {l.status === 'waiting' || l.status === 'in_use' ? (
              <ConfirmDialog
                trigger={t('hub.link.revoke')}
                triggerClassName="button button--quiet"
                title={t('hub.link.revokeTitle')}
                body={l.status === 'in_use' ? t('hub.link.revokeBodyInUse') : t('hub.link.revokeBody')}
                confirm={t('hub.link.revokeConfirm')}
                onConfirm={() => revoke.mutate(l.id, { onSuccess: () => setSaved(t('hub.link.revoked')) })}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
