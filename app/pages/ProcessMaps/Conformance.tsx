import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ElementFigures, Figure } from '../../../common/schemas/processmaps-conformance.ts';
import type { MapDetail } from '../../../common/schemas/processmaps.ts';
import { useChildrenBehind, useOverlay, useVersion } from '../../api/processmaps.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { LinkForm, expected, refLabel } from './LinkForm.tsx';
import './overlay.css';

type Status = ElementFigures['status'];
/** Not colour alone: each status has a sign and words besides its colour, on the canvas and in the legend. */
export const statusSign: Record<Status, string> = { good: '✓', fair: '!', poor: '✕', unknown: '?' };
const statuses: Status[] = ['good', 'fair', 'poor', 'unknown'];

/** What the canvas marks on each linked element: its status and a short text (reached, on time). */
export interface CanvasMark {
  elementId: string;
  status: Status;
  text: string;
}

/** The canvas marks of an overlay, for the modeler. */
export function useCanvasMarks(id: string, mapId: string): CanvasMark[] {
  const { t } = useTranslation();
  const overlay = useOverlay(id, mapId);
  return (overlay.data?.elements ?? []).map((e) => ({
    elementId: e.elementId,
    status: e.status,
    text: `${statusSign[e.status]} ${t(`processmaps.conformance.status.${e.status}`)}${e.onTime !== null ? ` · ${t('processmaps.conformance.onTimeShort', { onTime: e.onTime, reached: e.reached })}` : ''}`,
  }));
}

/** The colours in words; with `before` (some element is expected before its anchor), what on time means there. */
export function Legend({ before = false }: { before?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="navet-legend" aria-label={t('processmaps.conformance.legend')}>
      {statuses.map((s) => (
        <li key={s}>
          <span className={`navet-badge navet-badge--${s}`} aria-hidden="true">
            {statusSign[s]}
          </span>{' '}
          {t(`processmaps.conformance.legendItem.${s}`)}
        </li>
      ))}
      {before ? <li>{t('processmaps.conformance.legendBefore')}</li> : null}
    </ul>
  );
}

/** Whether an overlay has an element expected before its anchor: the legend then says what that means. */
export const hasBefore = (elements: readonly Pick<ElementFigures, 'before'>[] | undefined): boolean =>
  (elements ?? []).some((e) => e.before);

/**
 * The adopted map held against the collaboration's children: a legend, a table with every figure for
 * screen readers (the canvas shows the same as colour, sign and text), the children behind a figure for
 * readers whose own scope holds some, and the links of the adopted version for those who edit.
 */
export function Conformance({ id, map }: { id: string; map: MapDetail }) {
  const { t } = useTranslation();
  const overlay = useOverlay(id, map.id);
  const adopted = overlay.data?.adoptedNumber ?? undefined;
  const version = useVersion(id, map.id, adopted);
  const [behind, setBehind] = useState<{ elementId: string; figure: Figure } | null>(null);
  const nameOf = (elementId: string) => version.data?.elements.find((e) => e.id === elementId)?.name || elementId;

  const cell = (e: ElementFigures, figure: Figure, value: string | null) => {
    if (value === null) return '–';
    if (!overlay.data?.canOpenChildren) return value;
    const label = t('processmaps.conformance.openBehind', {
      figure: t(`processmaps.conformance.figure.${figure}`),
      element: nameOf(e.elementId),
      value,
    });
    return (
      <button type="button" aria-label={label} onClick={() => setBehind({ elementId: e.elementId, figure })}>
        {value}
      </button>
    );
  };

  return (
    <section aria-labelledby="conformance-heading">
      <h2 id="conformance-heading">{t('processmaps.conformance.heading')}</h2>
      <p>{t('processmaps.conformance.intro')}</p>
      {overlay.isPending ? <Loading /> : null}
      <ErrorRegion error={overlay.error} />
      {overlay.data && adopted === undefined ? <p>{t('processmaps.conformance.notAdopted')}</p> : null}
      {overlay.data && adopted !== undefined && version.data ? (
        <>
          <p>{t('processmaps.conformance.basis', { number: adopted, today: overlay.data.today })}</p>
          <Legend before={hasBefore(overlay.data.elements)} />
          <table>
            <caption>{t('processmaps.conformance.caption', { number: adopted })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('processmaps.conformance.element')}</th>
                <th scope="col">{t('processmaps.conformance.record')}</th>
                <th scope="col">{t('processmaps.conformance.expected')}</th>
                <th scope="col">{t('processmaps.conformance.figure.reached')}</th>
                <th scope="col">{t('processmaps.conformance.figure.on_time')}</th>
                <th scope="col">{t('processmaps.conformance.figure.late')}</th>
                <th scope="col">{t('processmaps.conformance.median')}</th>
                <th scope="col">{t('processmaps.conformance.p90')}</th>
                <th scope="col">{t('processmaps.conformance.figure.overdue')}</th>
                <th scope="col">{t('processmaps.conformance.statusHeading')}</th>
              </tr>
            </thead>
            <tbody>
              {overlay.data.elements.map((e) => (
                <tr key={e.elementId}>
                  <th scope="row">{nameOf(e.elementId)}</th>
                  <td>{refLabel(t, e.kind, e.ref)}</td>
                  <td>{e.fromElementId ? expected(t, e, nameOf(e.fromElementId)) : '–'}</td>
                  <td>{cell(e, 'reached', e.reached)}</td>
                  <td>{cell(e, 'on_time', e.onTime)}</td>
                  <td>{cell(e, 'late', e.late)}</td>
                  <td>{e.medianDays ?? '–'}</td>
                  <td>{e.p90Days ?? '–'}</td>
                  <td>{cell(e, 'overdue', e.overdue)}</td>
                  <td>
                    <span className={`navet-badge navet-badge--${e.status}`} aria-hidden="true">
                      {statusSign[e.status]}
                    </span>{' '}
                    {t(`processmaps.conformance.status.${e.status}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {overlay.data.elements.length === 0 ? <p>{t('processmaps.conformance.noLinks')}</p> : null}
          <p>{t('processmaps.conformance.small')}</p>
          {behind ? <Behind id={id} mapId={map.id} q={behind} name={nameOf(behind.elementId)} /> : null}
          {map.canEdit ? (
            <LinkForm
              key={adopted}
              id={id}
              mapId={map.id}
              number={adopted}
              elements={version.data.elements}
              links={version.data.links}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The reader's own children behind one figure; the server gives nothing else. */
function Behind({
  id,
  mapId,
  q,
  name,
}: {
  id: string;
  mapId: string;
  q: { elementId: string; figure: Figure };
  name: string;
}) {
  const { t } = useTranslation();
  const list = useChildrenBehind(id, mapId, q);
  const figure = t(`processmaps.conformance.figure.${q.figure}`);
  return (
    <div role="region" aria-labelledby="behind-heading">
      <h3 id="behind-heading">{t('processmaps.conformance.behindHeading', { figure, element: name })}</h3>
      <p>{t('processmaps.conformance.behindNote')}</p>
      {list.isPending ? <Loading /> : null}
      <ErrorRegion error={list.error} />
      {list.data && list.data.items.length === 0 ? <p>{t('processmaps.conformance.behindNone')}</p> : null}
      <ul>
        {list.data?.items.map((c) => (
          <li key={c.id}>
            <RouterLink to={`/children/${c.id}`}>{c.displayName}</RouterLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
