import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ChildDetail, ChildDetailFull, UpdateChildBody } from '../../../common/schemas/children.ts';
import { useUpdateChild } from '../../api/childRecord.ts';
import { useChild } from '../../api/children.ts';
import { isApiError } from '../../api/client.ts';
import '../../components/hub/hub.css';
import { HubErrorRegion } from '../../components/hub/HubError.tsx';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ChildForm, fieldsOf, valuesOf, type ChildFormValues } from './ChildForm.tsx';
import { ChildNotFound } from './ChildNotFound.tsx';
import { ChangedFields } from './ChangedFields.tsx';

type Fields = ReturnType<typeof fieldsOf>;
type FieldKey = keyof Fields;

/** The fields whose value differs between two versions of the record. */
export function changedKeys(a: Fields, b: Fields): FieldKey[] {
  return (Object.keys(a) as FieldKey[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * Edits the child's record. The version read is sent back; when someone else
 * saved in between, the server answers 409 and the page shows the record as it
 * is now, with the fields that differ, and lets the user start again from it.
 */
export function EditChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useChild(id);
  const name = child.data?.displayName;
  useDocumentTitle(name ? t('childForm.editTitle', { name }) : t('child.title'));

  if (isApiError(child.error) && (child.error.status === 404 || child.error.status === 400)) return <ChildNotFound />;
  if (child.isPending) return <Loading />;
  if (child.isError) {
    return (
      <div className="page">
        <h1>{t('child.title')}</h1>
        <ErrorRegion error={child.error} />
      </div>
    );
  }
  const c = child.data;
  if (c.view !== 'full' || !c.abilities.edit) {
    return (
      <div className="page">
        <h1>{t('childForm.editTitle', { name: c.displayName })}</h1>
        <p>{t('childForm.cannotEdit')}</p>
        <p>
          <Link to={`/children/${c.id}`}>{t('childForm.backToChild', { name: c.displayName })}</Link>
        </p>
      </div>
    );
  }
  return <EditChild opened={c} reload={async () => (await child.refetch()).data} />;
}

interface EditChildProps {
  /** The record as it was when the page opened: the version the edit is based on. */
  opened: ChildDetailFull;
  /** Reads the record again, as it is now. */
  reload: () => Promise<ChildDetail | undefined>;
}

function EditChild({ opened, reload }: EditChildProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateChild(opened.id);
  // The version stays the one the user read until they choose to start again from a newer one.
  const [record, setRecord] = useState<ChildDetailFull>(opened);
  const [conflict, setConflict] = useState<{ current: ChildDetailFull; mine: ChildFormValues } | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const back = `/children/${opened.id}`;

  const save = (values: ChildFormValues) => {
    const before = fieldsOf(valuesOf(record));
    const after = fieldsOf(values);
    const keys = changedKeys(before, after);
    if (keys.length === 0) return void navigate(back);
    const body: UpdateChildBody = { version: record.version, ...Object.fromEntries(keys.map((k) => [k, after[k]])) };
    update.mutate(body, {
      onSuccess: () => void navigate(back),
      onError: (err) => {
        if (!isApiError(err, 'version_conflict')) return;
        void reload().then((current) => {
          if (current?.view !== 'full') return;
          setConflict({ current, mine: values });
          requestAnimationFrame(() => conflictRef.current?.focus());
        });
      },
    });
  };

  const startAgain = () => {
    if (!conflict) return;
    setRecord(conflict.current);
    setConflict(null);
    update.reset();
  };

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={back}>{t('childForm.backToChild', { name: record.displayName })}</Link>
      </p>
      <h1>{t('childForm.editTitle', { name: record.displayName })}</h1>
      {conflict ? null : <HubErrorRegion error={update.error} />}
      <div ref={conflictRef} tabIndex={-1} role="alert" aria-live="assertive">
        {conflict ? (
          <Notice kind="warning" title={t('childForm.conflictTitle')}>
            <p>{t('childForm.conflictBody')}</p>
            <ChangedFields
              current={conflict.current}
              keys={changedKeys(fieldsOf(valuesOf(conflict.current)), fieldsOf(conflict.mine))}
              mine={fieldsOf(conflict.mine)}
            />
            <button type="button" className="button" onClick={startAgain}>
              {t('childForm.reload')}
            </button>
          </Notice>
        ) : null}
      </div>
      <ChildForm
        key={record.version}
        initial={valuesOf(record)}
        caseNumberField={record.abilities.seeCaseNumber}
        error={update.error}
        pending={update.isPending}
        submitLabel={t('childForm.save')}
        onSubmit={save}
      />
    </div>
  );
}
