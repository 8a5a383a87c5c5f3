import { useTranslation } from 'react-i18next';
import { asylumStatuses } from '../../../common/schemas/children.ts';
import { needsDimensions } from '../../../common/schemas/strategic.ts';
import { useNeeds } from '../../api/levels.ts';
import { useFormatDateTime } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';

const needsValues = [
  '0_12',
  '13_15',
  '16_17',
  '18_plus',
  'unknown',
  'hvb',
  'foster_home',
  'none',
  'under_6m',
  '6_12m',
  '12_24m',
  'over_24m',
] as const;

/** The needs mapping: counts per municipality; below 5 shown as "<5", and "–" where a count would give one away. */
export function NeedsSection({ collaborationId }: { collaborationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const needs = useNeeds(collaborationId, true);
  const data = needs.data;
  const valueLabel = (v: string): string => {
    const asylum = asylumStatuses.find((x) => x === v);
    if (asylum) return t(`asylumStatus.${asylum}`);
    const known = needsValues.find((x) => x === v);
    return known ? t(`levels.needs.values.${known}`) : v;
  };
  return (
    <section className="panel" aria-labelledby="needs-heading">
      <h2 id="needs-heading">{t('levels.needs.title')}</h2>
      <p>{t('levels.needs.intro')}</p>
      <ErrorRegion error={needs.error} />
      {needs.isPending ? <Loading /> : null}
      {data ? <p className="levels-meta">{t('levels.needs.generated', { at: fmt(data.generatedAt) })}</p> : null}
      {data?.municipalities.map((m) => (
        <div key={m.tenantId} className="table-scroll">
          <table className="table">
            <caption>{t('levels.needs.caption', { name: m.name, total: m.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('levels.needs.dimension')}</th>
                <th scope="col">{t('levels.needs.value')}</th>
                <th scope="col">{t('levels.needs.count')}</th>
              </tr>
            </thead>
            <tbody>
              {needsDimensions.flatMap((d) =>
                m.cells
                  .filter((c) => c.dimension === d)
                  .map((c) => (
                    <tr key={`${d}:${c.value}`}>
                      <th scope="row">{t(`levels.needs.dimensions.${d}`)}</th>
                      <td>{valueLabel(c.value)}</td>
                      <td>{c.count}</td>
                    </tr>
                  )),
              )}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
