import { childLinks } from '../../../server/domain/child-view/tables.ts';
import type { Area } from '../context.ts';

const DAY = 86_400_000;

/** Personal links to the child's own page, for about a fifth of the children. Hashes are random: no link works. */
export const area: Area = {
  name: 'child page links',
  order: 50,
  estimate: (plan) => Math.round(plan.children * 0.2),
  async generate(ctx) {
    const { rng, plan } = ctx;
    const now = plan.now.getTime();
    const hash = () => (rng.uuid() + rng.uuid()).replaceAll('-', '');
    for (const t of ctx.tenants) {
      const rows: (typeof childLinks.$inferInsert)[] = [];
      const sw = new Map(t.members.filter((m) => m.hubRole === 'social_worker' && !m.endedAt).map((m) => [m.childId, m]));
      for (const c of t.children) {
        const creator = sw.get(c.id);
        if (!creator || c.caseStatus === 'closed' || !rng.chance(0.2)) continue;
        const created = new Date(now - rng.int(1, 300) * DAY);
        const redeemed = rng.chance(0.7);
        rows.push({
          id: rng.uuid(),
          tenantId: t.id,
          childId: c.id,
          tokenHash: hash(),
          codeHash: hash(),
          createdBy: creator.userId,
          createdAt: created,
          expiresAt: new Date(created.getTime() + 365 * DAY),
          failedAttempts: 0,
          burntAt: null,
          revokedAt: rng.chance(0.1) ? new Date(created.getTime() + DAY) : null,
          redeemedAt: redeemed ? new Date(created.getTime() + 3_600_000) : null,
          sessionHash: redeemed ? hash() : null,
          sessionExpiresAt: redeemed ? new Date(created.getTime() + 365 * DAY) : null,
        });
      }
      await ctx.insert(childLinks, rows);
      ctx.progress(rows.length);
    }
  },
  audit: [
    { action: 'child_link.created', entity: 'child_link', weight: 0.3, kind: 'child' },
    { action: 'child_link.list', entity: 'child', weight: 0.5, kind: 'child' },
  ],
};
