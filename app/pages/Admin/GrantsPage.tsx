import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoleGrant } from '../../../common/schemas/tenancy.ts';
import { useDecideGrant, usePendingGrants } from '../../api/admin.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormatDateTime } from '../../components/format.ts';
import { Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { GrantErrorRegion } from './GrantError.tsx';

/**
 * Roles that open children's data, and the admin role, wait here for a second admin. The server decides who may
 * approve (never the requester, never the person the role is for); the page shows what it answers.
 */
export function GrantsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('grants.title'));
  const grants = usePendingGrants();
  const decide = useDecideGrant();
  const [done, setDone] = useState<string | null>(null);

  const act = (g: RoleGrant, decision: 'approve' | 'reject') => {
    setDone(null);
    decide.mutate(
      { id: g.id, decision },
      {
        onSuccess: () =>
          setDone(
            t(decision === 'approve' ? 'grants.approved' : 'grants.rejected', {
              name: g.userName,
              role: t(`role.${g.role}`),
            }),
          ),
      },
    );
  };

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin">{t('admin.back')}</Link>
      </p>
      <h1>{t('grants.title')}</h1>
      <p className="lead">{t('grants.intro')}</p>
      <div role="status">
        {done ? (
          <Notice kind="success">
            <p>{done}</p>
          </Notice>
        ) : null}
      </div>
      <GrantErrorRegion error={grants.error ?? decide.error} />
      {grants.isPending ? <Loading /> : null}
      {grants.data && grants.data.items.length === 0 ? <p>{t('grants.empty')}</p> : null}
      {grants.data && grants.data.items.length > 0 ? (
        <ul className="review-list" aria-label={t('grants.listLabel')}>
          {grants.data.items.map((g) => (
            <GrantItem key={g.id} grant={g} busy={decide.isPending} onDecide={(d) => act(g, d)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function GrantItem({
  grant: g,
  busy,
  onDecide,
}: {
  grant: RoleGrant;
  busy: boolean;
  onDecide: (d: 'approve' | 'reject') => void;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const what = { name: g.userName, role: t(`role.${g.role}`), organisation: g.organisationName };
  return (
    <li className="review-card membership">
      <p className="membership__text">
        <Link to={`/admin/users/${g.userId}`}>{g.userName}</Link>: <strong>{t(`role.${g.role}`)}</strong>,{' '}
        {g.organisationName}
        <br />
        <span className="hub-muted hub-small">
          {t('grants.requestedBy', { name: g.requestedBy.name, time: formatDateTime(g.requestedAt) })}
        </span>
      </p>
      {g.abilities.approve ? (
        <ConfirmDialog
          trigger={t('grants.approve')}
          triggerClassName="button"
          title={t('grants.approveTitle')}
          body={t('grants.approveBody', what)}
          confirm={t('grants.approve')}
          onConfirm={() => onDecide('approve')}
        />
      ) : (
        <p className="hub-muted hub-small">{t('grants.notYours')}</p>
      )}
      {g.abilities.reject && !busy ? (
        <ConfirmDialog
          trigger={t('grants.reject')}
          triggerClassName="button button--secondary"
          title={t('grants.rejectTitle')}
          body={t('grants.rejectBody', what)}
          confirm={t('grants.reject')}
          onConfirm={() => onDecide('reject')}
        />
      ) : null}
    </li>
  );
}
