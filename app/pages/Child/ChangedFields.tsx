import { useTranslation } from 'react-i18next';
import type { ChildDetailFull } from '../../../common/schemas/children.ts';
import { useFormatDate } from '../../components/format.ts';
import { useLanguageName } from '../../components/hub/values.tsx';
import { fieldsOf, valuesOf } from './ChildForm.tsx';

type Fields = ReturnType<typeof fieldsOf>;
type FieldKey = keyof Fields;

interface ChangedFieldsProps {
  current: ChildDetailFull;
  keys: FieldKey[];
  mine: Fields;
}

/** After a conflict: for each field that differs, the value saved now and the one the user tried to save. */
export function ChangedFields({ current, keys, mine }: ChangedFieldsProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const languageName = useLanguageName();
  const now = fieldsOf(valuesOf(current));

  const show = (key: FieldKey, f: Fields): string => {
    const empty = t('childForm.empty');
    switch (key) {
      case 'displayName':
        return f.displayName || empty;
      case 'dateOfBirth':
        return f.dateOfBirth ? formatDate(f.dateOfBirth) : empty;
      case 'arrivalDate':
        return f.arrivalDate ? formatDate(f.arrivalDate) : empty;
      case 'assessedAge':
        return f.assessedAge === null ? empty : String(f.assessedAge);
      case 'languages':
        return f.languages.map(languageName).join(', ') || empty;
      case 'interpreterNeeded':
        return f.interpreterNeeded ? t('childForm.yes') : t('childForm.no');
      case 'interpreterLanguage':
        return f.interpreterLanguage ? languageName(f.interpreterLanguage) : empty;
      case 'caseNumber':
        return f.caseNumber ?? empty;
      case 'placement':
        if (!f.placement) return empty;
        return f.placement.organisationId === current.placement?.organisationId
          ? `${t(`child.placementKind.${f.placement.kind}`)}: ${current.placement.organisationName}`
          : t(`child.placementKind.${f.placement.kind}`);
      case 'asylumStatus':
        return t(`asylumStatus.${f.asylumStatus}`);
    }
  };

  if (keys.length === 0) return <p>{t('childForm.conflictSame')}</p>;
  return (
    <dl className="facts hub-changed">
      {keys.map((key) => (
        <div key={key}>
          <dt>{t(`hub.field.${key}`)}</dt>
          <dd>
            {t('childForm.conflictNow', { value: show(key, now) })}
            <br />
            <span className="hub-muted">{t('childForm.conflictMine', { value: show(key, mine) })}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
