import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AsylumStatus, CaseStatus, asylumStatuses, caseStatuses } from '../../../common/schemas/children.ts';
import { useChildren, type ChildFilters } from '../../api/children.ts';
import { AsylumStatusText, CaseStatusText, MissingCoreRoles, useHubRoleList } from '../../components/ChildValues.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { Pagination } from '../../components/Pagination.tsx';

/** Filters live in the address, so the back button and a shared link keep them. */
function filtersOf(params: URLSearchParams): ChildFilters {
  const page = Number(params.get('page'));
  return {
    q: params.get('q')?.trim() || undefined,
    caseStatus: CaseStatus.safeParse(params.get('caseStatus')).data,
    asylumStatus: AsylumStatus.safeParse(params.get('asylumStatus')).data,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function paramsOf(filters: ChildFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.q) out.q = filters.q;
  if (filters.caseStatus) out.caseStatus = filters.caseStatus;
  if (filters.asylumStatus) out.asylumStatus = filters.asylumStatus;
  if (filters.page && filters.page !== 1) out.page = String(filters.page);
  return out;
}

export function ChildrenList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const children = useChildren(filters);
  const roleList = useHubRoleList();
  const [q, setQ] = useState(filters.q ?? '');
  const [caseStatus, setCaseStatus] = useState<string>(filters.caseStatus ?? '');
  const [asylumStatus, setAsylumStatus] = useState<string>(filters.asylumStatus ?? '');
  const filtered = Boolean(filters.q || filters.caseStatus || filters.asylumStatus);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setParams(
      paramsOf({
        q: q.trim() || undefined,
        caseStatus: CaseStatus.safeParse(caseStatus).data,
        asylumStatus: AsylumStatus.safeParse(asylumStatus).data,
      }),
    );
  };
  const clear = () => {
    setQ('');
    setCaseStatus('');
    setAsylumStatus('');
    setParams({});
  };

  const data = children.data;
  return (
    <>
      <form role="search" className="filters" onSubmit={apply} aria-label={t('children.filtersLabel')}>
        <Field
          label={t('children.search')}
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={200}
        />
        <SelectField
          label={t('children.asylumFilter')}
          name="asylumStatus"
          value={asylumStatus}
          onChange={setAsylumStatus}
          options={[
            { value: '', label: t('children.all') },
            ...asylumStatuses.map((s) => ({ value: s, label: t(`asylumStatus.${s}`) })),
          ]}
        />
        <SelectField
          label={t('children.caseFilter')}
          name="caseStatus"
          value={caseStatus}
          onChange={setCaseStatus}
          options={[
            { value: '', label: t('children.all') },
            ...caseStatuses.map((s) => ({ value: s, label: t(`caseStatus.${s}`) })),
          ]}
        />
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('children.apply')}
          </button>
          {filtered ? (
            <button type="button" className="button button--secondary" onClick={clear}>
              {t('children.clear')}
            </button>
          ) : null}
        </div>
      </form>

      <ErrorRegion error={children.error} />
      {children.isPending ? <Loading /> : null}

      <section aria-labelledby="children-heading" aria-busy={children.isFetching}>
        <h2 id="children-heading" className="results-heading">
          {t('children.resultsTitle')}
        </h2>
        <p role="status" className="results-count">
          {data ? t('children.count', { count: data.total }) : ''}
        </p>
        {data && data.total === 0 ? (
          <div className="empty">
            <p>{filtered ? t('children.emptyFiltered') : t('children.empty')}</p>
            {filtered ? null : <p>{t('children.emptyHint')}</p>}
          </div>
        ) : null}
        {data && data.items.length > 0 ? (
          <ul className="child-list">
            {data.items.map((child) => (
              <li key={child.id} className="child-card">
                <h3 className="child-card__name">
                  <Link to={`/children/${child.id}`}>{child.displayName}</Link>
                </h3>
                <dl className="facts">
                  {child.view === 'full' ? (
                    <div>
                      <dt>{t('child.age')}</dt>
                      <dd>{child.age === null ? t('child.ageUnknown') : t('child.years', { count: child.age })}</dd>
                    </div>
                  ) : null}
                  {child.asylumStatus ? (
                    <div>
                      <dt>{t('child.asylumStatus')}</dt>
                      <dd>
                        <AsylumStatusText status={child.asylumStatus} />
                      </dd>
                    </div>
                  ) : null}
                  {child.caseStatus === 'closed' ? (
                    <div>
                      <dt>{t('child.caseStatus')}</dt>
                      <dd>
                        <CaseStatusText status={child.caseStatus} />
                      </dd>
                    </div>
                  ) : null}
                  {child.myHubRoles.length > 0 ? (
                    <div>
                      <dt>{t('child.myRole')}</dt>
                      <dd>{roleList(child.myHubRoles)}</dd>
                    </div>
                  ) : null}
                </dl>
                <MissingCoreRoles roles={child.missingCoreRoles} />
                {child.flags && child.flags.beskedContradictions > 0 ? (
                  // Until the hub agrees what the child is told: the besked page is where that happens.
                  <p className="flag">
                    <span className="flag__icon" aria-hidden="true">
                      ⚠
                    </span>
                    <Link to={`/children/${child.id}/besked`}>
                      {t('besked.child.flag', { count: child.flags.beskedContradictions })}
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {data ? (
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(page) => setParams(paramsOf({ ...filters, page }))}
          />
        ) : null}
      </section>
    </>
  );
}
