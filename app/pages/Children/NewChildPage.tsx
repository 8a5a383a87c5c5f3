import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCreateChild } from '../../api/childRecord.ts';
import '../../components/hub/hub.css';
import { HubErrorRegion } from '../../components/hub/HubError.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ChildForm, emptyChild, fieldsOf } from '../Child/ChildForm.tsx';

/** A social worker opens a child's case; they become the first member of the child's hub. */
export function NewChildPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateChild();
  useDocumentTitle(t('childForm.newTitle'));

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/">{t('child.back')}</Link>
      </p>
      <h1>{t('childForm.newTitle')}</h1>
      <p className="lead">{t('childForm.newIntro')}</p>
      <HubErrorRegion error={create.error} />
      <ChildForm
        initial={emptyChild}
        caseNumberField
        error={create.error}
        pending={create.isPending}
        submitLabel={t('childForm.create')}
        onSubmit={(values) =>
          create.mutate(fieldsOf(values), { onSuccess: (child) => void navigate(`/children/${child.id}`) })
        }
      />
    </div>
  );
}
