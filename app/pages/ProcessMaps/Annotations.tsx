import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  annotationKinds,
  type Annotation,
  type AnnotationKind,
  type MapDetail,
  type MapElement,
  type MapLane,
  type VersionContent,
} from '../../../common/schemas/processmaps.ts';
import { useAnnotate, useEditAnnotation, useMakeNeed, usePropose } from '../../api/processmaps.ts';
import { useSession } from '../../components/RequireSession.tsx';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { fieldIssue } from '../../components/errors.ts';
import { ErrorRegion } from '../../components/Notice.tsx';

/** Every element and lane of the version, listed; renaming here renames it on the canvas too (save to keep). */
export function Elements({
  elements,
  lanes,
  canEdit,
  onRename,
}: {
  elements: MapElement[];
  lanes: MapLane[];
  canEdit: boolean;
  onRename: (id: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const lane = (id: string | null) => lanes.find((l) => l.id === id)?.name ?? '–';
  return (
    <details>
      <summary>{t('processmaps.elementsHeading', { count: elements.length })}</summary>
      <table>
        <caption>{t('processmaps.elementsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('processmaps.elementName')}</th>
            <th scope="col">{t('processmaps.elementType')}</th>
            <th scope="col">{t('processmaps.lane')}</th>
          </tr>
        </thead>
        <tbody>
          {elements.map((e) => (
            <tr key={e.id}>
              <td>
                {canEdit ? (
                  <Field
                    label={t('processmaps.renameLabel', { name: e.name || e.id })}
                    defaultValue={e.name}
                    onBlur={(ev) => ev.target.value !== e.name && onRename(e.id, ev.target.value)}
                  />
                ) : (
                  e.name
                )}
              </td>
              <td>{e.type}</td>
              <td>{lane(e.laneId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The workshop's annotations beside the canvas: listed, added and edited in plain forms. */
export function Annotations({ id, map, content }: { id: string; map: MapDetail; content: VersionContent }) {
  const { t } = useTranslation();
  const targets = [...content.elements, ...content.lanes.map((l) => ({ id: l.id, name: l.name }))];
  const nameOf = (elementId: string) => targets.find((e) => e.id === elementId)?.name || elementId;
  return (
    <section aria-labelledby="annotations-heading">
      <h2 id="annotations-heading">{t('processmaps.annotationsHeading')}</h2>
      {map.annotations.length === 0 ? <p>{t('processmaps.noAnnotations')}</p> : null}
      <ul>
        {map.annotations.map((a) => (
          <AnnotationItem key={a.id} id={id} map={map} a={a} elementName={nameOf(a.elementId)} />
        ))}
      </ul>
      {map.canEdit ? <NewAnnotation id={id} mapId={map.id} targets={targets} /> : null}
    </section>
  );
}

function KindSelect({ value, onChange }: { value: AnnotationKind; onChange: (k: AnnotationKind) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('processmaps.kindLabel')}
      value={value}
      onChange={(v) => onChange(v as AnnotationKind)}
      options={annotationKinds.map((k) => ({ value: k, label: t(`processmaps.kind.${k}`) }))}
    />
  );
}

function NewAnnotation({ id, mapId, targets }: { id: string; mapId: string; targets: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const add = useAnnotate(id, mapId);
  const [elementId, setElementId] = useState(targets[0]?.id ?? '');
  const [kind, setKind] = useState<AnnotationKind>('works_less_well');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ elementId, kind, text }, { onSuccess: () => setText('') });
  };
  return (
    <form onSubmit={submit} aria-labelledby="new-annotation">
      <h3 id="new-annotation">{t('processmaps.newAnnotation')}</h3>
      <SelectField
        label={t('processmaps.elementLabel')}
        value={elementId}
        onChange={setElementId}
        options={targets.map((e) => ({ value: e.id, label: e.name || e.id }))}
        error={fieldIssue(add.error, 'body.elementId') ? t('processmaps.fieldError') : null}
      />
      <KindSelect value={kind} onChange={setKind} />
      <TextAreaField
        label={t('processmaps.annotationText')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={fieldIssue(add.error, 'body.text') ? t('processmaps.fieldError') : null}
      />
      <ErrorRegion error={add.error} />
      <button type="submit" disabled={add.isPending}>
        {t('processmaps.addAnnotation')}
      </button>
    </form>
  );
}

function AnnotationItem({
  id,
  map,
  a,
  elementName,
}: {
  id: string;
  map: MapDetail;
  a: Annotation;
  elementName: string;
}) {
  const { t } = useTranslation();
  const edit = useEditAnnotation(id, map.id);
  const propose = usePropose(id, map.id);
  const [kind, setKind] = useState<AnnotationKind>(a.kind);
  const [text, setText] = useState(a.text);
  return (
    <li id={`annotation-${a.id}`}>
      <p>
        <strong>{elementName}</strong> · {t(`processmaps.kind.${a.kind}`)} · {a.createdBy}
      </p>
      <p>{a.text}</p>
      {map.canEdit ? (
        <form
          aria-label={t('processmaps.editAnnotation', { name: elementName })}
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate({ annotationId: a.id, kind, text });
          }}
        >
          <KindSelect value={kind} onChange={setKind} />
          <TextAreaField
            label={t('processmaps.annotationText')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={edit.isPending}>
            {t('processmaps.saveAnnotation')}
          </button>
        </form>
      ) : null}
      {a.proposalId ? (
        <p>
          <Link to={`/collaborations/${id}/proposals#proposal-${a.proposalId}`}>{t('processmaps.proposalMade')}</Link>
        </p>
      ) : map.canEdit ? (
        <button type="button" disabled={propose.isPending} onClick={() => propose.mutate(a.id)}>
          {t('processmaps.makeProposal')}
        </button>
      ) : null}
      <ErrorRegion error={edit.error ?? propose.error} />
      <NeedAction id={id} map={map} a={a} elementName={elementName} />
    </li>
  );
}

/** "Make it a competence need" (step 4): owned by the one who makes it, due by the date given; then its link. */
function NeedAction({ id, map, a, elementName }: { id: string; map: MapDetail; a: Annotation; elementName: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const make = useMakeNeed(id, map.id);
  const [dueOn, setDueOn] = useState('');
  if (a.competenceNeedId)
    return (
      <p>
        <Link to={`/collaborations/${id}/competence#need-${a.competenceNeedId}`}>{t('processmaps.needMade')}</Link>
      </p>
    );
  if (!map.canEdit) return null;
  return (
    <form
      aria-label={t('processmaps.makeNeedFor', { name: elementName })}
      onSubmit={(e) => {
        e.preventDefault();
        make.mutate({ annotationId: a.id, ownerUserId: me.user.id, dueOn });
      }}
      noValidate
    >
      <Field
        label={t('processmaps.needDueOn')}
        type="date"
        value={dueOn}
        onChange={(e) => setDueOn(e.target.value)}
        error={fieldIssue(make.error, 'body.dueOn') ? t('processmaps.fieldError') : null}
      />
      <ErrorRegion error={make.error} />
      <button type="submit" disabled={make.isPending}>
        {t('processmaps.makeNeed')}
      </button>
    </form>
  );
}
