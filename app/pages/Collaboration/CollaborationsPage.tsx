import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Field } from '../../components/Field.tsx';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useCollaborations, useCreateCollaboration, useRespond } from './api.ts';
import { CollabError, fieldError } from './errors.tsx';

/** The collaborations the user's municipality takes part in, the invitations to it, and a form to start one. */
export function CollaborationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('collaborationSetup.listTitle'));
  const list = useCollaborations();
  const create = useCreateCollaboration();
  const respond = useRespond();
  const navigate = useNavigate();
  const [name, setName] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name, { onSuccess: (c) => void navigate(`/collaborations/${c.id}`) });
  };

  return (
    <div className="page">
      <h1>{t('collaborationSetup.listTitle')}</h1>
      <p className="lead">{t('collaborationSetup.listIntro')}</p>
      {list.isPending ? <Loading /> : null}
      <CollabError error={list.error ?? respond.error} />
      {list.data && list.data.invitations.length > 0 ? (
        <section className="panel" aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t('collaborationSetup.invitations')}</h2>
          <ul className="link-list">
            {list.data.invitations.map((i) => (
              <li key={i.collaborationId}>
                <p>{t('collaborationSetup.invitedBy', { name: i.name, by: i.invitedBy })}</p>
                {i.canRespond ? (
                  <div className="button-row">
                    <button
                      type="button"
                      className="button"
                      onClick={() => respond.mutate({ id: i.collaborationId, accept: true })}
                    >
                      {t('collaborationSetup.accept', { name: i.name })}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => respond.mutate({ id: i.collaborationId, accept: false })}
                    >
                      {t('collaborationSetup.decline', { name: i.name })}
                    </button>
                  </div>
                ) : (
                  <p className="field__hint">{t('collaborationSetup.adminAnswers')}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {list.data ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('collaborationSetup.mine')}</h2>
          {list.data.collaborations.length === 0 ? <p>{t('collaborationSetup.none')}</p> : null}
          <ul className="link-list link-list--large">
            {list.data.collaborations.map((c) => (
              <li key={c.id}>
                <Link to={`/collaborations/${c.id}`}>{c.name}</Link>{' '}
                <span>
                  {t('collaborationSetup.listLine', { municipalities: c.municipalities.join(', '), done: c.stepsDone })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {list.data?.canCreate ? (
        <section className="panel" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('collaborationSetup.create')}</h2>
          <form onSubmit={submit} noValidate>
            <CollabError error={create.error} />
            <Field
              label={t('collaborationSetup.name')}
              hint={t('collaborationSetup.nameHint')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={fieldError(t, create.error, 'name')}
              required
            />
            <button type="submit" className="button" disabled={create.isPending}>
              {t('collaborationSetup.createButton')}
            </button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
