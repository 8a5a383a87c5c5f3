import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../common/schemas/audit.ts';
import { useFormatDateTime } from '../../components/format.ts';
import { AuditAction } from './AuditAction.tsx';

/**
 * Rows of an audit log, newest first. A denied attempt names who tried, and links to that person's own log so a
 * reviewer can see what else they tried.
 */
export function LogTable({ entries, labelledBy }: { entries: AuditEntry[]; labelledBy: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>
                <AuditAction action={e.action} denied={e.denied} />
              </td>
              <td>
                {e.denied && e.actorUserId ? (
                  <Link to={`/audit/users/${e.actorUserId}`}>
                    {t('deniedAccess.otherAttempts', { name: e.actorName ?? t('audit.system') })}
                  </Link>
                ) : (
                  (e.actorName ?? t('audit.system'))
                )}
              </td>
              <td className="nowrap">{e.ip ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
