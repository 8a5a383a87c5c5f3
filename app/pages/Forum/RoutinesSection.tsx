import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/roles.ts';
import type { Routine } from '../../../common/schemas/forum.ts';
import { useAdoptRoutine, useConfirmRead, useCreateRoutine, useRoutines, useUnread } from '../../api/levels.ts';
import { errorText, fieldIssue } from '../../components/errors.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { ErrorRegion, Loading } from '../../components/Notice.tsx';
import type { CollaborationSummary } from './types.ts';

const staffRoles: Role[] = [
  'social_worker',
  'god_man',
  'contact_person',
  'school_mentor',
  'school_health',
  'child_psychiatry',
  'manager',
];

/** The routines and guidelines library: read and confirm; adopt by decision; who has not read. */
export function RoutinesSection({ collaboration }: { collaboration: CollaborationSummary }) {
  const { t } = useTranslation();
  const routines = useRoutines(collaboration.id);
  const unread = useUnread(collaboration.id, collaboration.abilities.staffReads);
  const items = routines.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="routines-heading">
      <h2 id="routines-heading">{t('levels.routines.title')}</h2>
      <ErrorRegion error={routines.error} />
      {routines.isPending ? <Loading /> : null}
      {routines.data && items.length === 0 ? <p className="empty">{t('levels.routines.none')}</p> : null}
      <ul className="levels-list">
        {items.map((r) => (
          <RoutineRow key={r.id} r={r} collaboration={collaboration} />
        ))}
      </ul>
      {collaboration.abilities.staffReads ? (
        <>
          <h3>{t('levels.routines.unreadTitle')}</h3>
          {unread.data && unread.data.items.length === 0 ? (
            <p className="empty">{t('levels.routines.allRead')}</p>
          ) : null}
          <ul className="levels-list">
            {(unread.data?.items ?? []).map((u) => (
              <li key={u.routineId}>
                {t('levels.routines.unreadLine', {
                  title: u.title,
                  version: u.version,
                  names: u.users.map((x) => x.name).join(', '),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {collaboration.abilities.runForum ? <NewRoutine collaborationId={collaboration.id} /> : null}
    </section>
  );
}

function RoutineRow({ r, collaboration }: { r: Routine; collaboration: CollaborationSummary }) {
  const { t } = useTranslation();
  const fmt = useFormatDate();
  const read = useConfirmRead(collaboration.id);
  const adopt = useAdoptRoutine(collaboration.id);
  const [decision, setDecision] = useState('');
  const draft = r.versions.find((v) => v.adoptedAt === null);
  const runs = r.level === 'strategic' ? collaboration.abilities.runStrategic : collaboration.abilities.runForum;
  return (
    <li>
      <h3>{r.title}</h3>
      <p className="levels-meta">
        {r.current
          ? t('levels.routines.current', {
              version: r.current.version,
              date: fmt(r.current.adoptedAt ?? ''),
              decision: r.current.adoptedDecision ?? '',
            })
          : t('levels.routines.notAdopted')}{' '}
        · {t('levels.routines.roles', { roles: r.roles.map((x) => t(`role.${x}`)).join(', ') })}
      </p>
      {r.current ? <p className="levels-text">{r.current.text}</p> : null}
      {r.mustRead && !r.readCurrent ? (
        <button type="button" className="button" onClick={() => read.mutate(r.id)}>
          {t('levels.routines.confirmRead', { title: r.title })}
        </button>
      ) : null}
      {r.readCurrent ? <p className="levels-meta">{t('levels.routines.youRead')}</p> : null}
      {runs && draft ? (
        <div className="levels-actions">
          <p className="levels-meta">{t('levels.routines.draft', { version: draft.version })}</p>
          <Field
            label={t('levels.routines.decisionLabel', { title: r.title })}
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
          />
          <button
            type="button"
            className="button button--secondary"
            disabled={!decision.trim()}
            onClick={() =>
              adopt.mutate({
                routineId: r.id,
                body: { version: draft.version, decision: decision.trim(), meetingId: null },
              })
            }
          >
            {t('levels.routines.adopt')}
          </button>
        </div>
      ) : null}
      {read.error || adopt.error ? (
        <p className="field__error" role="alert">
          {errorText(t, read.error ?? adopt.error)}
        </p>
      ) : null}
    </li>
  );
}

function NewRoutine({ collaborationId }: { collaborationId: string }) {
  const { t } = useTranslation();
  const create = useCreateRoutine(collaborationId);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title: title.trim(), text: text.trim(), roles, level: 'operational' },
      {
        onSuccess: () => {
          setTitle('');
          setText('');
          setRoles([]);
        },
      },
    );
  };
  const err = create.error;
  return (
    <details>
      <summary>{t('levels.routines.new')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('levels.routines.titleLabel')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldIssue(err, 'title') ? t('levels.required') : null}
        />
        <fieldset className="fieldset">
          <legend>{t('levels.routines.rolesLabel')}</legend>
          {fieldIssue(err, 'roles') ? <p className="field__error">{t('levels.routines.rolesError')}</p> : null}
          {staffRoles.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) =>
                  setRoles((list) => (e.target.checked ? [...list, role] : list.filter((x) => x !== role)))
                }
              />{' '}
              {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          label={t('levels.routines.textLabel')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          error={fieldIssue(err, 'text') ? t('levels.required') : null}
        />
        <ErrorRegion error={err} />
        <button type="submit" className="button">
          {t('levels.routines.create')}
        </button>
      </form>
    </details>
  );
}
