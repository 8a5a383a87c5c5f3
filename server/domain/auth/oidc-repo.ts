import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { tenants } from '../tenancy/tables.ts';
import { oidcIdentities, oidcLogins, oidcSettings } from './oidc-tables.ts';

export type OidcSettingsRow = typeof oidcSettings.$inferSelect;
export type OidcLoginRow = typeof oidcLogins.$inferSelect;

export async function findSettings(db: Db, tenantId: string): Promise<OidcSettingsRow | null> {
  const [row] = await db.select().from(oidcSettings).where(eq(oidcSettings.tenantId, tenantId));
  return row ?? null;
}

export async function saveSettings(db: Db, row: typeof oidcSettings.$inferInsert): Promise<OidcSettingsRow> {
  const { tenantId: _key, ...rest } = row;
  const [saved] = await db
    .insert(oidcSettings)
    .values(row)
    .onConflictDoUpdate({ target: oidcSettings.tenantId, set: rest })
    .returning();
  if (!saved) throw new Error('oidc settings not saved');
  return saved;
}

/** Municipalities whose login page offers their provider. */
export async function enabledProviders(db: Db) {
  return db
    .select({ tenantId: oidcSettings.tenantId, label: oidcSettings.label, tenantName: tenants.name })
    .from(oidcSettings)
    .innerJoin(tenants, eq(tenants.id, oidcSettings.tenantId))
    .where(eq(oidcSettings.enabled, true))
    .orderBy(tenants.name);
}

export async function passwordLoginOff(db: Db, tenantId: string): Promise<boolean> {
  const [row] = await db
    .select({ passwordLogin: oidcSettings.passwordLogin })
    .from(oidcSettings)
    .where(eq(oidcSettings.tenantId, tenantId));
  return row ? !row.passwordLogin : false;
}

export async function insertLogin(db: Db, row: OidcLoginRow): Promise<void> {
  // Old rows of abandoned logins go on the way in: the table stays small without a job.
  await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, new Date()));
  await db.insert(oidcLogins).values(row);
}

/** Takes the login in flight: deleted in the same statement, so two callbacks never both get it. */
export async function takeLogin(db: Db, id: string): Promise<OidcLoginRow | null> {
  const [row] = await db
    .delete(oidcLogins)
    .where(and(eq(oidcLogins.id, id), gt(oidcLogins.expiresAt, new Date())))
    .returning();
  return row ?? null;
}

export async function findIdentity(db: Db, issuer: string, subject: string) {
  const [row] = await db
    .select()
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)));
  return row ?? null;
}

export async function insertIdentity(db: Db, row: typeof oidcIdentities.$inferInsert): Promise<void> {
  await db.insert(oidcIdentities).values(row);
}
