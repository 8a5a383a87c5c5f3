import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDate } from '../../components/format.ts';
import { useCollaborations, useRoadmap } from './api.ts';

/** The coordinator's start: each collaboration they coordinate, its roadmap at a glance and what is due next. */
export function CoordinatorStart() {
  const { t } = useTranslation();
  const list = useCollaborations();
  const mine = list.data?.collaborations.filter((c) => c.coordinator) ?? [];
  return (
    <section className="panel" aria-labelledby="coordinator-heading">
      <h2 id="coordinator-heading">{t('collaborationSetup.startTitle')}</h2>
      {list.data && list.data.invitations.length > 0 ? (
        <p>
          <Link to="/collaborations">
            {t('collaborationSetup.startInvitations', { count: list.data.invitations.length })}
          </Link>
        </p>
      ) : null}
      {list.data && mine.length === 0 ? (
        <p>
          {t('collaborationSetup.startNone')} <Link to="/collaborations">{t('collaborationSetup.startLink')}</Link>
        </p>
      ) : null}
      {mine.map((c) => (
        <Due key={c.id} id={c.id} name={c.name} />
      ))}
    </section>
  );
}

function Due({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const roadmap = useRoadmap(id);
  const open = roadmap.data?.steps.filter((s) => s.status !== 'done') ?? [];
  const done = (roadmap.data?.steps.length ?? 0) - open.length;
  const due = [...open].filter((s) => s.dueOn).sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  return (
    <div>
      <h3>
        <Link to={`/collaborations/${id}`}>{name}</Link>
      </h3>
      <p>{t('collaborationSetup.startProgress', { done })}</p>
      {open[0] ? (
        <p>
          {t('collaborationSetup.startNext', {
            number: open[0].number,
            title: t(`collaborationSetup.steps.${open[0].key}.title`),
          })}
        </p>
      ) : null}
      {due.length > 0 ? (
        <ul>
          {due.map((s) => (
            <li key={s.number}>
              {t('collaborationSetup.startDue', {
                number: s.number,
                title: t(`collaborationSetup.steps.${s.key}.title`),
                date: date(s.dueOn ?? ''),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
