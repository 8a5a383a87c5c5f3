import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { exportUrl, useMap, useOverlay, useSaveVersion, useVersion } from '../../api/processmaps.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { Annotations, Elements } from './Annotations.tsx';
import { Conformance, Legend, hasBefore, useCanvasMarks } from './Conformance.tsx';
import { Modeler, type ModelerHandle } from './Modeler.tsx';
import { Versions } from './Versions.tsx';
import { Workshops } from './Workshops.tsx';

/** One process map: the modeler, and beside it every element, annotation, version and workshop as plain forms. */
export function MapPage() {
  const { id = '', mapId = '' } = useParams();
  const { t } = useTranslation();
  const map = useMap(id, mapId);
  const head = map.data?.head;
  const version = useVersion(id, mapId, head);
  const save = useSaveVersion(id, mapId);
  const modeler = useRef<ModelerHandle>(null);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const marks = useCanvasMarks(id, mapId);
  const overlay = useOverlay(id, mapId);
  useDocumentTitle(map.data ? map.data.title : t('processmaps.title'));

  const doSave = async (xml: string | null) => {
    if (!xml || head === undefined) return;
    setSaved(null);
    save.mutate({ baseNumber: head, xml, note: note || null }, { onSuccess: (v) => setSaved(v.number) });
  };
  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const text = await e.target.files?.[0]?.text();
    e.target.value = '';
    if (text) await doSave(text);
  };
  const conflict = isApiError(save.error, 'version_conflict');

  return (
    <div className="page">
      <p>
        <Link to={`/collaborations/${id}/process-maps`}>{t('processmaps.backToMaps')}</Link>
      </p>
      <h1>{map.data?.title ?? t('processmaps.title')}</h1>
      {map.isPending ? <Loading /> : null}
      <ErrorRegion error={map.error} />
      {map.data && version.data ? (
        <>
          <p>{t('processmaps.canvasNote')}</p>
          {marks.length > 0 ? (
            <>
              <p>{t('processmaps.conformance.canvasNote')}</p>
              <Legend before={hasBefore(overlay.data?.elements)} />
            </>
          ) : null}
          <Modeler ref={modeler} xml={version.data.xml} marks={marks} />
          <div role="status">
            {saved ? <p>{t('processmaps.saved', { number: saved })}</p> : null}
            {conflict ? <p>{t('processmaps.conflict')}</p> : null}
          </div>
          {!conflict ? <ErrorRegion error={save.error} /> : null}
          {map.data.canEdit ? (
            <section aria-labelledby="save-heading">
              <h2 id="save-heading">{t('processmaps.saveHeading', { number: head })}</h2>
              <Field label={t('processmaps.note')} value={note} onChange={(e) => setNote(e.target.value)} />
              <button type="button" disabled={save.isPending} onClick={() => void modeler.current?.xml().then(doSave)}>
                {t('processmaps.save')}
              </button>
              <Field
                label={t('processmaps.importVersion')}
                type="file"
                accept=".bpmn,.xml,application/xml"
                onChange={(e) => void onImport(e)}
              />
            </section>
          ) : null}
          <p>
            <a href={exportUrl(id, mapId, head ?? 1)} download>
              {t('processmaps.export', { number: head })}
            </a>
          </p>
          <Elements
            elements={version.data.elements}
            lanes={version.data.lanes}
            canEdit={map.data.canEdit}
            onRename={(elementId, name) => modeler.current?.rename(elementId, name)}
          />
          <Conformance id={id} map={map.data} />
          <Annotations id={id} map={map.data} content={version.data} />
          <Workshops id={id} map={map.data} />
          <Versions id={id} map={map.data} />
        </>
      ) : null}
    </div>
  );
}
