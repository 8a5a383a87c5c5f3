import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  proposalMoves,
  proposalOrigins,
  type Proposal,
  type ProposalOrigin,
  type ProposalSource,
  type ProposalStatus,
} from '../../../common/schemas/collaboration-roadmap.ts';
import type { Collaboration } from '../../../common/schemas/collaboration-core.ts';
import { Field, SelectField, TextAreaField } from '../../components/Field.tsx';
import { useCreateProposal, useProposals, useUpdateProposal } from './api.ts';
import { CollabError, fieldError } from './errors.tsx';
import { SubPage } from './SubPage.tsx';

/** Step 3: development proposals, from a gap in a map, a forum question, a barrier or a review. */
export function ProposalsPage() {
  return <SubPage part="proposals">{(c) => <Proposals c={c} />}</SubPage>;
}

function Proposals({ c }: { c: Collaboration }) {
  const { t } = useTranslation();
  const list = useProposals(c.id);
  return (
    <>
      <CollabError error={list.error} />
      {list.data?.proposals.length === 0 ? <p>{t('collaborationSetup.noProposals')}</p> : null}
      <ul className="link-list">
        {list.data?.proposals.map((p) => (
          <ProposalItem key={p.id} c={c} p={p} />
        ))}
      </ul>
      {c.abilities.manage ? <ProposalForm c={c} /> : null}
    </>
  );
}

function ProposalItem({ c, p }: { c: Collaboration; p: Proposal }) {
  const { t } = useTranslation();
  const update = useUpdateProposal(c.id);
  const moves = proposalMoves[p.status];
  const [to, setTo] = useState<ProposalStatus | ''>('');
  const [note, setNote] = useState('');
  const needsDecision = to === 'accepted' || to === 'rejected' || to === 'deferred';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    update.mutate({
      proposalId: p.id,
      body: {
        version: p.version,
        status: to,
        ...(needsDecision ? { decision: note } : to === 'evaluated' ? { evaluation: note } : {}),
      },
    });
  };
  return (
    <li className="panel" id={`proposal-${p.id}`}>
      <h2>{p.title}</h2>
      <p>
        {t(`collaborationSetup.proposalStatus.${p.status}`)} · {t(`collaborationSetup.origin.${p.origin}`)}
        {p.owner ? ` · ${t('collaborationSetup.owner')}: ${p.owner}` : ''}
      </p>
      {p.source ? <SourceLink id={c.id} source={p.source} /> : null}
      {p.description ? <p>{p.description}</p> : null}
      {p.decision ? <p>{t('collaborationSetup.settledBy', { decision: p.decision })}</p> : null}
      {p.evaluation ? <p>{t('collaborationSetup.evaluated', { text: p.evaluation })}</p> : null}
      {c.abilities.manage && moves.length > 0 ? (
        <form onSubmit={submit} noValidate>
          <CollabError error={update.error} />
          <SelectField
            label={t('collaborationSetup.moveTo', { title: p.title })}
            value={to}
            onChange={(v) => setTo(v as ProposalStatus)}
            options={[
              { value: '', label: '—' },
              ...moves.map((m) => ({ value: m, label: t(`collaborationSetup.proposalStatus.${m}`) })),
            ]}
          />
          {needsDecision || to === 'evaluated' ? (
            <TextAreaField
              label={needsDecision ? t('collaborationSetup.decisionSettling') : t('collaborationSetup.evaluation')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={fieldError(t, update.error, needsDecision ? 'decision' : 'evaluation')}
            />
          ) : null}
          <button type="submit" className="button" disabled={!to || update.isPending}>
            {t('collaborationSetup.moveButton')}
          </button>
        </form>
      ) : null}
    </li>
  );
}

/** Where the barrier, question or annotation it was made from is shown: its level's page, or its map. */
function sourcePath(id: string, s: ProposalSource): string {
  if (s.kind === 'annotation') return `/collaborations/${id}/process-maps/${s.mapId ?? ''}#annotation-${s.id}`;
  const page = s.level === 'strategic' ? 'strategic' : 'forum';
  return `/collaborations/${id}/${page}#${s.kind === 'barrier' ? 'barrier' : 'question'}-${s.id}`;
}

function SourceLink({ id, source }: { id: string; source: ProposalSource }) {
  const { t } = useTranslation();
  return (
    <p>
      {t(`collaborationSetup.source.${source.kind}`)}: <Link to={sourcePath(id, source)}>{source.title}</Link>
    </p>
  );
}

function ProposalForm({ c }: { c: Collaboration }) {
  const { t } = useTranslation();
  const create = useCreateProposal(c.id);
  const [title, setTitle] = useState('');
  const [origin, setOrigin] = useState<ProposalOrigin>('process_map_gap');
  const [originNote, setOriginNote] = useState('');
  const [owner, setOwner] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title, origin, originNote: originNote || null, owner: owner || null },
      { onSuccess: () => setTitle('') },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="panel">
      <h2>{t('collaborationSetup.addProposal')}</h2>
      <CollabError error={create.error} />
      <Field
        label={t('collaborationSetup.proposalTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError(t, create.error, 'title')}
      />
      <SelectField
        label={t('collaborationSetup.originLabel')}
        value={origin}
        onChange={(v) => setOrigin(v as ProposalOrigin)}
        options={proposalOrigins.map((o) => ({ value: o, label: t(`collaborationSetup.origin.${o}`) }))}
      />
      <Field
        label={t('collaborationSetup.originNote')}
        value={originNote}
        onChange={(e) => setOriginNote(e.target.value)}
      />
      <Field label={t('collaborationSetup.owner')} value={owner} onChange={(e) => setOwner(e.target.value)} />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('collaborationSetup.addProposalButton')}
      </button>
    </form>
  );
}
