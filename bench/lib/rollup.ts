import { todayInSweden } from '../../common/schemas/children.ts';
import { swedishTime } from '../../server/domain/events/working-hours.ts';
import { rebuildTenant, tenantsToRebuild } from '../../server/domain/followup/rollup-repo.ts';
import { open, type Target } from './target.ts';

/**
 * Brings the follow-up roll-up up to today before any server starts, as the
 * nightly job would have by now: every municipality not built since this
 * morning's Swedish midnight is rebuilt with the job's own statements
 * (none when the data was generated today: the generator builds it last).
 * Without this, data generated on an earlier day
 * would be rebuilt by the server's nightly run in the background during the
 * measurements. Returns how many municipalities it rebuilt.
 */
export async function rollupReady(target: Target, now = new Date()): Promise<number> {
  const database = await open(target);
  try {
    const stale = await tenantsToRebuild(database.db, swedishTime(todayInSweden(now), 0));
    for (const tenantId of stale) await database.db.transaction((tx) => rebuildTenant(tx, tenantId, now));
    return stale.length;
  } finally {
    await database.close();
  }
}
