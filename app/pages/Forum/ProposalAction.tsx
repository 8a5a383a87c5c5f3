import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * "Make it a development proposal" on a barrier or a forum question: the button while it has none (for
 * the level running it), and afterwards the link to its proposal in step 3's register.
 */
export function ProposalAction({
  collaborationId,
  proposalId,
  runs,
  pending,
  onPropose,
}: {
  collaborationId: string;
  proposalId: string | null;
  runs: boolean;
  pending: boolean;
  onPropose: () => void;
}) {
  const { t } = useTranslation();
  if (proposalId)
    return (
      <p>
        <Link to={`/collaborations/${collaborationId}/proposals#proposal-${proposalId}`}>
          {t('levels.proposal.link')}
        </Link>
      </p>
    );
  if (!runs) return null;
  return (
    <button type="button" className="button button--secondary" disabled={pending} onClick={onPropose}>
      {t('levels.proposal.make')}
    </button>
  );
}
