import type { Db } from '../db/connect.ts';
import { children } from '../domain/children/tables.ts';

/**
 * A case closed long ago, for showing retention: closed 1925, so a period of 1200 months (the longest
 * allowed) selects it and no other demo case. It has no hub, so it shows in nobody's list, and the
 * browser test that approves its deletion (e2e/retention.spec.ts) touches nothing another test reads.
 */
export async function seedRetentionCase(tx: Db, tenantId: string): Promise<void> {
  await tx.insert(children).values({
    tenantId,
    displayName: 'Gallringsexempel',
    dateOfBirth: '1907-03-01',
    caseStatus: 'closed',
    closedReason: 'turned_18',
    closedAt: new Date('1925-03-01T12:00:00Z'),
  });
}
