import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PrincipalType, principalTypes } from '../../../common/roles.ts';
import { useCreateOrganisation, useOrganisations } from '../../api/admin.ts';
import { isApiError } from '../../api/client.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field, SelectField } from '../../components/Field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { ErrorRegion, Loading, Notice } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/** The tenant's organisations (social services, HVB, school, BUP …) and a form to add one. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const formatDate = useFormatDate();
  useDocumentTitle(t('admin.organisationsTitle'));
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin">{t('admin.back')}</Link>
      </p>
      <h1>{t('admin.organisationsTitle')}</h1>
      <p className="lead">{t('admin.organisationsIntro')}</p>
      <ErrorRegion error={organisations.error} />
      {organisations.isPending ? <Loading /> : null}
      {organisations.data && organisations.data.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="org-caption" tabIndex={0}>
          <table className="table">
            <caption id="org-caption" className="visually-hidden">
              {t('admin.organisationsTitle')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.orgName')}</th>
                <th scope="col">{t('admin.principalType')}</th>
                <th scope="col">{t('admin.created')}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.data.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>{t(`principalType.${o.principalType}`)}</td>
                  <td className="nowrap">{formatDate(o.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section className="panel" aria-labelledby="new-org-heading">
        <h2 id="new-org-heading">{t('admin.newOrganisation')}</h2>
        <NewOrganisationForm />
      </section>
    </div>
  );
}

function NewOrganisationForm() {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const [name, setName] = useState('');
  const [principalType, setPrincipalType] = useState('');
  const [errors, setErrors] = useState<{ name?: string; principalType?: string }>({});
  const [created, setCreated] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const type = PrincipalType.safeParse(principalType).data;
    const found = {
      name: name.trim() ? undefined : t('admin.errors.nameRequired'),
      principalType: type ? undefined : t('admin.errors.principalTypeRequired'),
    };
    setErrors(found);
    if (found.name) return nameRef.current?.focus();
    if (!type) return;
    create.mutate(
      { name: name.trim(), principalType: type },
      {
        onSuccess: (org) => {
          setCreated(org.name);
          setName('');
          setPrincipalType('');
        },
        onError: (err) => {
          const taken = isApiError(err, 'organisation_exists');
          setErrors({ name: taken || fieldIssue(err, 'name') ? t('admin.errors.orgName') : undefined });
          if (taken) nameRef.current?.focus();
        },
      },
    );
  };

  const shownBesideField = isApiError(create.error, 'organisation_exists');
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div role="status">
        {created ? (
          <Notice kind="success">
            <p>{t('admin.organisationCreated', { name: created })}</p>
          </Notice>
        ) : null}
      </div>
      <ErrorRegion error={shownBesideField ? null : create.error} />
      <Field
        ref={nameRef}
        label={t('admin.orgName')}
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        maxLength={200}
      />
      <SelectField
        label={t('admin.principalType')}
        hint={t('admin.principalTypeHint')}
        name="principalType"
        value={principalType}
        onChange={setPrincipalType}
        error={errors.principalType}
        options={[
          { value: '', label: t('admin.choose') },
          ...principalTypes.map((p) => ({ value: p, label: t(`principalType.${p}`) })),
        ]}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('admin.addOrganisation')}
      </button>
    </form>
  );
}
