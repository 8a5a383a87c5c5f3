import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { linkKinds, linkRefs, type Link, type LinkKind } from '../../../common/schemas/processmaps-conformance.ts';
import type { MapElement } from '../../../common/schemas/processmaps.ts';
import { useRemoveLink, useSetLink } from '../../api/processmaps.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { fieldIssue } from '../../components/errors.ts';
import { ErrorRegion } from '../../components/Notice.tsx';

/** Tasks and events stand for something that happens to a child; the server refuses gateways and lanes too. */
const linkable = (e: MapElement) => /(Task|Event)$/.test(e.type);

/** Links a task or event of the adopted version to what Navet records, with an expected time; lists and removes links. */
export function LinkForm({
  id,
  mapId,
  number,
  elements,
  links,
}: {
  id: string;
  mapId: string;
  number: number;
  elements: MapElement[];
  links: Link[];
}) {
  const { t } = useTranslation();
  const set = useSetLink(id, mapId, number);
  const remove = useRemoveLink(id, mapId, number);
  const targets = elements.filter(linkable);
  const [elementId, setElementId] = useState(targets[0]?.id ?? '');
  const [kind, setKind] = useState<LinkKind>('event');
  const [ref, setRef] = useState<string>(linkRefs.event[0]!);
  const [from, setFrom] = useState('');
  const [days, setDays] = useState('');
  const [working, setWorking] = useState(false);
  const [before, setBefore] = useState(false);
  const nameOf = (elementId: string) => elements.find((e) => e.id === elementId)?.name || elementId;
  const err = (field: string) => (fieldIssue(set.error, `body.${field}`) ? t('processmaps.fieldError') : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    set.mutate({
      elementId,
      kind,
      ref,
      fromElementId: from || null,
      expectedDays: days === '' ? null : Number(days),
      workingDays: working,
      before,
    });
  };

  return (
    <div>
      <h3 id="links-heading">{t('processmaps.conformance.linksHeading', { number })}</h3>
      {links.length === 0 ? <p>{t('processmaps.conformance.noLinks')}</p> : null}
      <ul aria-labelledby="links-heading">
        {links.map((l) => (
          <li key={l.elementId}>
            {t('processmaps.conformance.linkLine', {
              element: nameOf(l.elementId),
              record: refLabel(t, l.kind, l.ref),
            })}
            {l.fromElementId ? ` ${expected(t, l, nameOf(l.fromElementId))}` : null}{' '}
            <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(l.elementId)}>
              {t('processmaps.conformance.removeLink', { element: nameOf(l.elementId) })}
            </button>
          </li>
        ))}
      </ul>
      <ErrorRegion error={remove.error} />
      <form onSubmit={submit} aria-labelledby="new-link">
        <h4 id="new-link">{t('processmaps.conformance.newLink')}</h4>
        <SelectField
          label={t('processmaps.conformance.element')}
          value={elementId}
          onChange={setElementId}
          options={targets.map((e) => ({ value: e.id, label: e.name || e.id }))}
          error={err('elementId')}
        />
        <SelectField
          label={t('processmaps.conformance.kind')}
          value={kind}
          onChange={(v) => {
            const k = v as LinkKind;
            setKind(k);
            setRef(linkRefs[k][0]!);
          }}
          options={linkKinds.map((k) => ({ value: k, label: t(`processmaps.conformance.kinds.${k}`) }))}
        />
        <SelectField
          label={t('processmaps.conformance.record')}
          value={ref}
          onChange={setRef}
          options={linkRefs[kind].map((r) => ({ value: r, label: refLabel(t, kind, r) }))}
          error={err('ref')}
        />
        <SelectField
          label={t('processmaps.conformance.from')}
          value={from}
          onChange={setFrom}
          options={[
            { value: '', label: t('processmaps.conformance.noFrom') },
            ...links
              .filter((l) => l.elementId !== elementId)
              .map((l) => ({ value: l.elementId, label: nameOf(l.elementId) })),
          ]}
          error={err('fromElementId')}
        />
        <SelectField
          label={t('processmaps.conformance.direction')}
          value={before ? 'before' : 'after'}
          onChange={(v) => setBefore(v === 'before')}
          options={(['after', 'before'] as const).map((d) => ({
            value: d,
            label: t(`processmaps.conformance.directions.${d}`),
          }))}
          error={err('before')}
        />
        <Field
          label={t('processmaps.conformance.days')}
          type="number"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={err('expectedDays')}
        />
        <p>
          <label>
            <input type="checkbox" checked={working} onChange={(e) => setWorking(e.target.checked)} />{' '}
            {t('processmaps.conformance.workingDays')}
          </label>
        </p>
        <ErrorRegion error={set.error} />
        <button type="submit" disabled={set.isPending}>
          {t('processmaps.conformance.saveLink')}
        </button>
      </form>
    </div>
  );
}

type T = TFunction;
/** The words for what a link names: its ref is one of its kind's list (the schema keeps them together). */
export const refLabel = (t: T, kind: LinkKind, ref: string): string =>
  // The keys are the schema's lists (checked by the i18n test), too many combinations for the typed `t`.
  (t as unknown as (key: string) => string)(`processmaps.conformance.ref.${kind}.${ref}`);

/** "within 14 days of Placement decided", or "at least 90 days before Turns 18", in words. */
export function expected(t: T, l: Pick<Link, 'expectedDays' | 'workingDays' | 'before'>, fromName: string): string {
  const o = { count: l.expectedDays ?? 0, from: fromName };
  if (l.before)
    return l.workingDays ? t('processmaps.conformance.beforeWorking', o) : t('processmaps.conformance.before', o);
  return l.workingDays ? t('processmaps.conformance.withinWorking', o) : t('processmaps.conformance.within', o);
}
