import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Warning } from '../../components/hub/values.tsx';
import { MeetingErrorRegion } from '../Meeting/values.tsx';
import { useBesked } from './api.ts';

/** On the child page: an open contradiction is flagged until the hub agrees its line; a link to the log. */
export function ChildBeskedPanel({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const besked = useBesked(childId);
  const open = besked.data?.openContradictions ?? 0;
  const entries = besked.data?.topics.reduce((n, x) => n + x.entries.length, 0) ?? 0;
  return (
    <section className="panel hub-section" id="besked" aria-labelledby="child-besked-heading">
      <h2 id="child-besked-heading">{t('besked.child.title')}</h2>
      <MeetingErrorRegion error={besked.error} />
      {open > 0 ? <Warning>{t('besked.child.flag', { count: open })}</Warning> : null}
      {besked.data && open === 0 ? <p>{t('besked.child.summary', { count: entries })}</p> : null}
      <p>
        <Link to={`/children/${childId}/besked`} className="button button--secondary">
          {t('besked.child.link')}
        </Link>
      </p>
    </section>
  );
}
