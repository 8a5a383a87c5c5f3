import { todayInSweden } from '../../../common/schemas/children.ts';
import type {
  Article,
  ArticleBody,
  ArticleLang,
  ArticleList,
  ArticleSummary,
  ArticleUpdate,
} from '../../../common/schemas/competence.ts';
import { audit } from '../../audit/write.ts';
import { hasRole, type Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { coordinatedCollaborationIds, visibleCollaborationIds } from '../collaboration/access.ts';
import { canRead } from '../collaboration/policy.ts';
import * as repo from './knowledge-repo.ts';
import { renderMarkdown } from './markdown.ts';
import { userNames } from './repo.ts';

/*
 * The knowledge base: every staff member reads the municipality's own articles
 * and those of its collaborations; a municipality's coordinators, managers and
 * tenant admins write its own, and a collaboration's coordinators write its.
 */

const MUNICIPAL_WRITERS = ['coordinator', 'manager', 'tenant_admin'] as const;

function authorizeRead(actor: Actor) {
  if (!canRead(actor)) throw errors.forbidden();
}

/** Collaborations the actor may write articles in. */
async function writableCollaborations(tx: Db, actor: Actor, visible: string[]): Promise<string[]> {
  if (hasRole(actor, 'coordinator', 'tenant_admin')) return visible;
  return coordinatedCollaborationIds(tx, actor, visible);
}

function canWrite(actor: Actor, row: Pick<repo.ArticleRow, 'tenantId' | 'collaborationId'>, writable: string[]) {
  if (row.collaborationId) return writable.includes(row.collaborationId);
  return row.tenantId === actor.tenantId && hasRole(actor, ...MUNICIPAL_WRITERS);
}

function summary(r: repo.ArticleRow, names: Map<string, string>, today: string): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    lang: r.lang,
    collaborationId: r.collaborationId,
    owner: { id: r.ownerUserId, name: names.get(r.ownerUserId) ?? '—' },
    version: r.version,
    reviewOn: r.reviewOn,
    reviewOverdue: r.reviewOn < today,
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function present(tx: Db, r: repo.ArticleRow, edit: boolean): Promise<Article> {
  const names = await userNames(tx, [r.ownerUserId]);
  return { ...summary(r, names, todayInSweden()), body: r.body, html: renderMarkdown(r.body), abilities: { edit } };
}

export async function listArticles(deps: Deps, actor: Actor, lang?: ArticleLang): Promise<ArticleList> {
  authorizeRead(actor);
  const tx = deps.db;
  const visible = await visibleCollaborationIds(tx, actor);
  const rows = await repo.listArticles(tx, actor.tenantId, visible, lang);
  const names = await userNames(
    tx,
    rows.map((r) => r.ownerUserId),
  );
  const writable = await writableCollaborations(tx, actor, visible);
  const today = todayInSweden();
  return {
    items: rows.map((r) => summary(r, names, today)),
    abilities: { create: hasRole(actor, ...MUNICIPAL_WRITERS) || writable.length > 0 },
    collaborations: await repo.collaborationNames(tx, writable),
  };
}

export async function getArticle(deps: Deps, actor: Actor, id: string): Promise<Article> {
  authorizeRead(actor);
  const visible = await visibleCollaborationIds(deps.db, actor);
  const row = await repo.findArticle(deps.db, actor.tenantId, visible, id);
  if (!row) throw errors.notFound('article');
  return present(deps.db, row, canWrite(actor, row, await writableCollaborations(deps.db, actor, visible)));
}

export async function createArticle(deps: Deps, actor: Actor, body: ArticleBody): Promise<Article> {
  authorizeRead(actor);
  return deps.db.transaction(async (tx) => {
    const visible = await visibleCollaborationIds(tx, actor);
    if (body.collaborationId && !visible.includes(body.collaborationId))
      throw errors.validation([{ path: 'body.collaborationId', message: 'No such collaboration.' }]);
    const writable = await writableCollaborations(tx, actor, visible);
    if (!canWrite(actor, { tenantId: actor.tenantId, collaborationId: body.collaborationId }, writable))
      throw errors.forbidden('Only coordinators, managers and administrators write articles.');
    const row = await repo.insertArticle(tx, {
      tenantId: actor.tenantId,
      collaborationId: body.collaborationId,
      lang: body.lang,
      title: body.title,
      body: body.body,
      reviewOn: body.reviewOn,
      ownerUserId: actor.userId,
      updatedBy: actor.userId,
    });
    await audit(tx, { action: 'article.create', entity: 'article', entityId: row.id });
    return present(tx, row, true);
  });
}

export async function updateArticle(deps: Deps, actor: Actor, id: string, body: ArticleUpdate): Promise<Article> {
  authorizeRead(actor);
  return deps.db.transaction(async (tx) => {
    const visible = await visibleCollaborationIds(tx, actor);
    const writable = await writableCollaborations(tx, actor, visible);
    // The role before the id: one who could never write gets 403 whatever the id.
    const forbidden = () => errors.forbidden('Only the article’s writers may change it.');
    if (!hasRole(actor, ...MUNICIPAL_WRITERS) && writable.length === 0) throw forbidden();
    const row = await repo.findArticle(tx, actor.tenantId, visible, id);
    if (!row) throw errors.notFound('article');
    if (!canWrite(actor, row, writable)) throw forbidden();
    const updated = await repo.updateArticle(tx, row.id, body.version, {
      title: body.title,
      body: body.body,
      reviewOn: body.reviewOn,
      updatedBy: actor.userId,
    });
    if (!updated)
      throw errors.conflict('stale_version', 'Someone else changed the article after you opened it. Reload to see it.');
    await audit(tx, {
      action: 'article.update',
      entity: 'article',
      entityId: row.id,
      detail: { version: updated.version },
    });
    return present(tx, updated, true);
  });
}
