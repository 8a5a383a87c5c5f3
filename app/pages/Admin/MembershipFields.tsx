import { useTranslation } from 'react-i18next';
import { roles } from '../../../common/roles.ts';
import { useOrganisations } from '../../api/admin.ts';
import { SelectField } from '../../components/Field.tsx';

export interface MembershipDraft {
  organisationId: string;
  role: string;
}

interface MembershipFieldsProps {
  value: MembershipDraft;
  onChange: (value: MembershipDraft) => void;
  errors: { organisationId?: string; role?: string };
}

/** Organisation and role: one membership, as chosen when creating a user or giving a role. */
export function MembershipFields({ value, onChange, errors }: MembershipFieldsProps) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  return (
    <div className="field-row">
      <SelectField
        label={t('admin.organisation')}
        name="organisationId"
        value={value.organisationId}
        onChange={(organisationId) => onChange({ ...value, organisationId })}
        error={errors.organisationId}
        options={[
          { value: '', label: organisations.isPending ? t('common.loading') : t('admin.choose') },
          ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <SelectField
        label={t('admin.role')}
        name="role"
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
        error={errors.role}
        options={[{ value: '', label: t('admin.choose') }, ...roles.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
      />
    </div>
  );
}
