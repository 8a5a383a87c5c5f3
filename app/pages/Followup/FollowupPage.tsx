import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupLevel, FollowupPeriod } from '../../../common/schemas/followup.ts';
import { useFigures, type FiguresArgs } from '../../api/followup.ts';
import { useLevelsStart } from '../../api/levels.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useSession } from '../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { Downloads } from './Downloads.tsx';
import { FigureCard } from './FigureCard.tsx';
import './followup.css';

interface Choice {
  level: FollowupLevel;
  id: string;
  label: string;
}

const monthOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

/**
 * The three dashboards in one page: the manager's (their organisation), the
 * coordinator's (the collaboration, or the municipality), the strategic
 * group's (the collaboration quarter by quarter). The server decides what each
 * may read; the choices offered follow the user's roles.
 */
export function FollowupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('followup.title'));
  const me = useSession();
  const start = useLevelsStart();
  const roles = new Set(me.memberships.map((m) => m.role));
  const choices = useMemo<Choice[]>(() => {
    const out: Choice[] = [];
    for (const m of me.memberships.filter((x) => x.role === 'manager'))
      out.push({ level: 'organisation', id: m.organisationId, label: m.organisationName });
    if (roles.has('manager') || roles.has('coordinator'))
      out.push({ level: 'municipality', id: me.tenant.id, label: me.tenant.name });
    for (const c of start.data?.collaborations ?? []) out.push({ level: 'collaboration', id: c.id, label: c.name });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me, start.data]);
  const now = new Date();
  const [choice, setChoice] = useState(0);
  const [from, setFrom] = useState(monthOf(new Date(now.getFullYear(), now.getMonth() - 11, 1)));
  const [to, setTo] = useState(monthOf(now));
  const [period, setPeriod] = useState<FollowupPeriod>('month');
  const [asked, setAsked] = useState<FiguresArgs | null>(null);
  const picked = choices[choice];
  const current: FiguresArgs | null =
    asked ?? (picked ? { level: picked.level, id: picked.id, from, to, period } : null);
  const figures = useFigures(current);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked) setAsked({ level: picked.level, id: picked.id, from, to, period });
  };

  // The yearly report is the strategic level's: offered only where the server says the reader runs it.
  const strategic =
    current?.level === 'collaboration' &&
    start.data?.collaborations.some((c) => c.id === current.id && c.abilities.runStrategic);

  if (start.isPending) return <Loading />;
  return (
    <div className="page followup-page">
      <h1>{t('followup.title')}</h1>
      <p className="lead">{t('followup.intro')}</p>
      {choices.length === 0 ? (
        <p>{t('followup.noChoice')}</p>
      ) : (
        <form className="panel followup-filters" onSubmit={submit} aria-label={t('followup.filters')}>
          <label>
            {t('followup.subject')}
            <select value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
              {choices.map((c, i) => (
                <option key={`${c.level}:${c.id}`} value={i}>
                  {t(`followup.levels.${c.level}`)}: {c.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('followup.from')}
            <input type="month" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            {t('followup.to')}
            <input type="month" value={to} onChange={(e) => setTo(e.target.value)} required />
          </label>
          <label>
            {t('followup.period')}
            <select value={period} onChange={(e) => setPeriod(e.target.value === 'quarter' ? 'quarter' : 'month')}>
              <option value="month">{t('followup.periods.month')}</option>
              <option value="quarter">{t('followup.periods.quarter')}</option>
            </select>
          </label>
          <button type="submit" className="button">
            {t('followup.show')}
          </button>
        </form>
      )}
      <ErrorRegion error={figures.error} />
      {figures.isFetching ? <Loading /> : null}
      {figures.data?.figures.map((f) => (
        <FigureCard key={f.indicator} figure={f} />
      ))}
      {current && figures.data ? (
        <Downloads
          args={current}
          report={strategic ? { id: current.id, year: Number(current.to.slice(0, 4)) } : null}
        />
      ) : null}
    </div>
  );
}
