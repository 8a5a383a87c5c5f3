import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { ArticleLang } from '../../../common/schemas/competence.ts';
import type { Db } from '../../db/connect.ts';
import { collaborations } from '../collaboration/tables.ts';
import { knowledgeArticles } from './tables.ts';

export type ArticleRow = typeof knowledgeArticles.$inferSelect;

/** Where a reader may look: the municipality's own articles and those of its collaborations. */
function readable(tenantId: string, collaborationIds: string[]) {
  const own = and(eq(knowledgeArticles.tenantId, tenantId), isNull(knowledgeArticles.collaborationId));
  return collaborationIds.length === 0 ? own : or(own, inArray(knowledgeArticles.collaborationId, collaborationIds));
}

export async function listArticles(tx: Db, tenantId: string, collaborationIds: string[], lang?: ArticleLang) {
  return tx
    .select()
    .from(knowledgeArticles)
    .where(and(readable(tenantId, collaborationIds), lang ? eq(knowledgeArticles.lang, lang) : undefined))
    .orderBy(asc(knowledgeArticles.title))
    .limit(500);
}

export async function findArticle(tx: Db, tenantId: string, collaborationIds: string[], id: string) {
  const [row] = await tx
    .select()
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.id, id), readable(tenantId, collaborationIds)));
  return row ?? null;
}

export async function insertArticle(tx: Db, v: typeof knowledgeArticles.$inferInsert) {
  const [row] = await tx.insert(knowledgeArticles).values(v).returning();
  return row!;
}

/** Null when the version read is no longer the current one. */
export async function updateArticle(
  tx: Db,
  id: string,
  version: number,
  v: { title: string; body: string; reviewOn: string; updatedBy: string },
) {
  const [row] = await tx
    .update(knowledgeArticles)
    .set({ ...v, version: version + 1, updatedAt: new Date() })
    .where(and(eq(knowledgeArticles.id, id), eq(knowledgeArticles.version, version)))
    .returning();
  return row ?? null;
}

export async function collaborationNames(tx: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: collaborations.id, name: collaborations.name })
    .from(collaborations)
    .where(inArray(collaborations.id, ids))
    .orderBy(asc(collaborations.name));
}
