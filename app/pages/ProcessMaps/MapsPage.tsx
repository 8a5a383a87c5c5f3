import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { mapLevels, type MapLevel } from '../../../common/schemas/processmaps.ts';
import { useCreateMap, useMaps } from '../../api/processmaps.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { fieldIssue } from '../../components/errors.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/** The collaboration's process maps, and a new one from the starter map or a BPMN file. */
export function MapsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('processmaps.title'));
  const maps = useMaps(id);
  return (
    <div className="page">
      <p>
        <Link to={`/collaborations/${id}`}>{t('processmaps.backToCollaboration')}</Link>
      </p>
      <h1>{t('processmaps.title')}</h1>
      <p className="lead">{t('processmaps.intro')}</p>
      {maps.isPending ? <Loading /> : null}
      <ErrorRegion error={maps.error} />
      {maps.data && maps.data.maps.length === 0 ? <p>{t('processmaps.empty')}</p> : null}
      <ul className="link-list">
        {maps.data?.maps.map((m) => (
          <li key={m.id}>
            <Link to={`/collaborations/${id}/process-maps/${m.id}`}>{m.title}</Link>{' '}
            {t('processmaps.summary', {
              level: t(`processmaps.level.${m.level}`),
              head: m.head,
            })}
            {m.adoptedNumber ? ` · ${t('processmaps.adoptedVersion', { number: m.adoptedNumber })}` : ''}
          </li>
        ))}
      </ul>
      {maps.data?.canEdit ? <NewMap id={id} /> : null}
    </div>
  );
}

function NewMap({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMap(id);
  const [title, setTitle] = useState(t('processmaps.starterTitle'));
  const [level, setLevel] = useState<MapLevel>('operational');
  const [xml, setXml] = useState<string | null>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => setXml((await e.target.files?.[0]?.text()) ?? null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title, level, start: xml ? 'import' : 'starter', ...(xml ? { xml } : {}) },
      { onSuccess: (m) => void navigate(`/collaborations/${id}/process-maps/${m.id}`) },
    );
  };
  const err = (f: string) => (fieldIssue(create.error, f) ? t('processmaps.fieldError') : null);
  return (
    <form onSubmit={submit} aria-labelledby="new-map">
      <h2 id="new-map">{t('processmaps.newMap')}</h2>
      <Field
        label={t('processmaps.mapTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={err('body.title')}
      />
      <SelectField
        label={t('processmaps.levelLabel')}
        value={level}
        onChange={(v) => setLevel(v as MapLevel)}
        options={mapLevels.map((l) => ({ value: l, label: t(`processmaps.level.${l}`) }))}
      />
      <Field
        label={t('processmaps.importFile')}
        hint={t('processmaps.importHint')}
        type="file"
        accept=".bpmn,.xml,application/xml"
        onChange={(e) => void onFile(e)}
        error={err('body.xml')}
      />
      <ErrorRegion error={create.error} />
      <button type="submit" disabled={create.isPending}>
        {xml ? t('processmaps.importMap') : t('processmaps.startFromStarter')}
      </button>
    </form>
  );
}
