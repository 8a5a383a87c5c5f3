import type { ShareAnswer, ShareOptions, ShareQuestion } from '../../../common/schemas/competence.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors, type Issue } from '../../errors.ts';
import { loadAccess } from '../children/access.ts';
import { legalBasesOf } from '../sharing/repo.ts';
import { decide, loadGrants, organisationsOf } from '../sharing/rule.ts';
import * as repo from './repo.ts';

/*
 * "May I share this?" asks Navet's one sharing rule (sharing/rule.ts) the
 * question the other way round: would the receiving organisation see an item
 * the asker's organisation owns, of this category, for this purpose, for this
 * child today? The rule is not restated here; `decide` answers, with the
 * receiver in the reader's place.
 */

export async function shareOptions(deps: Deps, actor: Actor): Promise<ShareOptions> {
  const all = await repo.tenantOrganisations(deps.db, actor.tenantId);
  const mine = new Set(organisationsOf(actor));
  return { mine: all.filter((o) => mine.has(o.id)), organisations: all };
}

const answer = (verdict: ShareAnswer['verdict'], reason: ShareAnswer['reason']): ShareAnswer => ({
  verdict,
  reason,
  consent: null,
  legalBasis: null,
});

async function childAnswer(tx: Db, actor: Actor, q: ShareQuestion & { childId: string }): Promise<ShareAnswer> {
  const grants = await loadGrants(tx, actor, q.childId);
  const asReceiver = { ...grants, actorOrganisationIds: new Set([q.toOrganisationId]) };
  const d = decide(asReceiver, { owner: q.fromOrganisationId, category: q.category }, q.purpose);
  if (d.visible && d.ground === 'consent') {
    return { ...answer('yes', 'consent'), consent: await repo.consentSummary(tx, d.ref) };
  }
  if (d.visible && d.ground === 'legal_basis') {
    const key = await repo.legalBasisOfShare(tx, d.ref);
    const basis = (await legalBasesOf(tx, actor.tenantId)).find((b) => b.id === key);
    return {
      ...answer('yes', 'legal_basis'),
      legalBasis: basis ? { id: basis.id, labelSv: basis.labelSv, labelEn: basis.labelEn } : null,
    };
  }
  if (d.visible) return answer('yes', 'own');
  // The child (or the god man) said no: a withdrawn consent that named both and covered this.
  const withdrawn = grants.consents.find(
    (c) =>
      c.withdrawn &&
      c.organisationIds.has(q.fromOrganisationId) &&
      c.organisationIds.has(q.toOrganisationId) &&
      c.categories.includes(q.category) &&
      c.purposes.includes(q.purpose),
  );
  if (withdrawn)
    return {
      ...answer('no', 'consent_withdrawn'),
      consent: { id: withdrawn.id, validTo: withdrawn.validTo, givenBy: '' },
    };
  return answer('only_with_consent', 'no_ground');
}

export async function askMayIShare(deps: Deps, actor: Actor, q: ShareQuestion): Promise<ShareAnswer> {
  return deps.db.transaction(async (tx) => {
    const issues: Issue[] = [];
    if (!organisationsOf(actor).includes(q.fromOrganisationId))
      issues.push({ path: 'query.fromOrganisationId', message: 'Choose one of your own organisations.' });
    const known = await repo.tenantOrganisations(tx, actor.tenantId);
    if (!known.some((o) => o.id === q.toOrganisationId))
      issues.push({ path: 'query.toOrganisationId', message: 'Choose an organisation of your municipality.' });
    if (issues.length > 0) throw errors.validation(issues);
    if (!q.childId)
      return q.fromOrganisationId === q.toOrganisationId
        ? answer('yes', 'own')
        : answer('only_with_consent', 'no_child');
    const access = await loadAccess(tx, actor, q.childId);
    const result = await childAnswer(tx, actor, { ...q, childId: access.child.id });
    await audit(tx, {
      action: 'sharing.asked',
      entity: 'child',
      entityId: access.child.id,
      childId: access.child.id,
      detail: {
        from: q.fromOrganisationId,
        to: q.toOrganisationId,
        category: q.category,
        purpose: q.purpose,
        verdict: result.verdict,
        ground: result.consent?.id ?? result.legalBasis?.id ?? null,
      },
    });
    return result;
  });
}
