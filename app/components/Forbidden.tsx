import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeResponse } from '../../common/schemas/auth.ts';
import { useSession } from './RequireSession.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

type Ability = keyof MeResponse['abilities'];

/** Who may use a gated page, said on the page a user without the ability sees. */
const whoMay = {
  readAuditLog: 'forbidden.audit',
  manageUsers: 'forbidden.admin',
  createChild: 'forbidden.createChild',
} as const satisfies Record<Ability, string>;

/**
 * Shows its children only when the server granted the ability (from /me);
 * the server checks again on every request, this only spares a dead end.
 */
export function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const me = useSession();
  return me.abilities[ability] ? children : <Forbidden ability={ability} />;
}

function Forbidden({ ability }: { ability: Ability }) {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <div className="page">
      <h1>{t('forbidden.title')}</h1>
      <p>{t(whoMay[ability])}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
