import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { limits } from '../../../common/limits.ts';
import { Role } from '../../../common/roles.ts';
import { useCreateUser } from '../../api/admin.ts';
import { isApiError } from '../../api/client.ts';
import { fieldIssue } from '../../components/errors.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorRegion } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { MembershipFields, type MembershipDraft } from './MembershipFields.tsx';

type FieldName = 'displayName' | 'email' | 'password' | 'organisationId' | 'role';
type FieldErrors = Partial<Record<FieldName, string>>;

/** Creates a user with a first password and one role; more roles are given on the user's page. */
export function NewUserPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [membership, setMembership] = useState<MembershipDraft>({ organisationId: '', role: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const refs = {
    displayName: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  useDocumentTitle(t('admin.newUser'));

  const show = (found: FieldErrors) => {
    setErrors(found);
    const first = (['displayName', 'email', 'password'] as const).find((k) => found[k]);
    if (first) refs[first].current?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const role = Role.safeParse(membership.role).data;
    const found: FieldErrors = {};
    if (!displayName.trim()) found.displayName = t('admin.errors.nameRequired');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = t('admin.errors.email');
    if (password.length < limits.passwordMin)
      found.password = t('admin.errors.passwordShort', { min: limits.passwordMin });
    if (!membership.organisationId) found.organisationId = t('admin.errors.organisationRequired');
    if (!role) found.role = t('admin.errors.roleRequired');
    if (Object.keys(found).length > 0 || !role) return show(found);
    create.mutate(
      {
        displayName: displayName.trim(),
        email: email.trim(),
        password,
        memberships: [{ organisationId: membership.organisationId, role }],
      },
      {
        onSuccess: (user) => void navigate(`/admin/users/${user.id}`, { state: { created: true } }),
        onError: (err) =>
          show({
            displayName: fieldIssue(err, 'displayName') ? t('admin.errors.nameRequired') : undefined,
            email: isApiError(err, 'email_taken')
              ? t('admin.errors.emailTaken')
              : fieldIssue(err, 'email')
                ? t('admin.errors.email')
                : undefined,
            password: fieldIssue(err, 'password') ? t('admin.errors.passwordWeak') : undefined,
            organisationId: fieldIssue(err, 'memberships.0.organisationId')
              ? t('admin.errors.organisationRequired')
              : undefined,
          }),
      },
    );
  };

  const besideField =
    isApiError(create.error, 'email_taken') || (isApiError(create.error) && create.error.issues.length > 0);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/admin/users">{t('admin.backToUsers')}</Link>
      </p>
      <h1>{t('admin.newUser')}</h1>
      <p className="lead">{t('admin.newUserIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorRegion error={besideField ? null : create.error} />
        <Field
          ref={refs.displayName}
          label={t('admin.displayName')}
          name="displayName"
          autoComplete="off"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.displayName}
          maxLength={limits.nameMax}
        />
        <Field
          ref={refs.email}
          label={t('admin.email')}
          type="email"
          name="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          maxLength={limits.emailMax}
        />
        <Field
          ref={refs.password}
          label={t('admin.firstPassword')}
          hint={t('admin.firstPasswordHint', { min: limits.passwordMin })}
          type="password"
          name="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          maxLength={limits.passwordMax}
        />
        <fieldset className="fieldset">
          <legend>{t('admin.firstRole')}</legend>
          <MembershipFields
            value={membership}
            onChange={setMembership}
            errors={{ organisationId: errors.organisationId, role: errors.role }}
          />
        </fieldset>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('admin.creating') : t('admin.createUser')}
        </button>
      </form>
    </div>
  );
}
