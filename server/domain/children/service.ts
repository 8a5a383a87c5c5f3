import type { ChildList, ChildListQuery, ChildSummary } from '../../../common/schemas/children.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { presentSummary } from './presenter.ts';
import * as repo from './repo.ts';

export async function listMyChildren(deps: Deps, actor: Actor, query: ChildListQuery): Promise<ChildList> {
  return deps.db.transaction(async (tx) => {
    const { rows, total } = await repo.listVisible(tx, actor, query);
    const members = await repo.activeHubMembers(
      tx,
      rows.map((c) => c.id),
    );
    await audit(
      tx,
      rows.map((c) => ({ action: 'child.list', entity: 'child', entityId: c.id, childId: c.id })),
    );
    return {
      items: rows.map((c) => presentSummary(c, members, actor)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

export async function getChild(deps: Deps, actor: Actor, id: string): Promise<ChildSummary> {
  return deps.db.transaction(async (tx) => {
    const child = await repo.findVisible(tx, actor, id);
    if (!child) throw errors.notFound('child');
    const members = await repo.activeHubMembers(tx, [child.id]);
    await audit(tx, { action: 'child.read', entity: 'child', entityId: child.id, childId: child.id });
    return presentSummary(child, members, actor);
  });
}
