import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { Loading } from '../../components/Notice.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ExtractsPanel } from './ExtractsPanel.tsx';

/** "Mina uppgifter": a user's extract of what Navet holds about them. */
export function MyDataPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('records.page.mineTitle'));
  if (!me.data) return <Loading />;
  return (
    <div className="page">
      <h1>{t('records.page.mineTitle')}</h1>
      <p className="lead">{t('records.page.mineIntro')}</p>
      <ExtractsPanel owner={{ userId: me.data.user.id }} />
    </div>
  );
}
