import type { PgTable } from 'drizzle-orm/pg-core';
import type { Role } from '../../common/roles.ts';
import type { HubRole } from '../../common/schemas/children.ts';
import type { Rng } from './random.ts';

/** What the generator was asked for. Everything else is derived from it. */
export interface Plan {
  children: number;
  tenants: number;
  auditRows: number;
  seed: number;
  /** "Now" for the generated history: rows lie in the two years before it. */
  now: Date;
}

/** The kinds of organisation a municipality's collaboration involves (the guide's actors). */
export type OrgKind = 'social' | 'guardian' | 'foster' | 'hvb' | 'school' | 'bup' | 'civil';

export interface GenOrg {
  id: string;
  kind: OrgKind;
  name: string;
}

export interface GenUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  orgId: string;
}

export interface GenChild {
  id: string;
  displayName: string;
  arrivalDate: string;
  placementOrgId: string | null;
  caseStatus: 'active' | 'closed';
  /** As generated (AsylumStatus); events and plans follow from it. */
  asylumStatus: string;
  /** Null when the age is assessed. */
  dateOfBirth: string | null;
}

export interface GenMember {
  id: string;
  childId: string;
  userId: string;
  orgId: string;
  hubRole: HubRole;
  startsOn: string;
  /** Null while the membership is open. */
  endedAt: Date | null;
}

/** One municipality as the areas fill it in; later areas read what earlier ones made. */
export interface GenTenant {
  id: string;
  /** 1-based: "Kommun 001". */
  index: number;
  name: string;
  /** The e-mail domain of its users: the benchmark finds its users by it. */
  domain: string;
  childCount: number;
  orgs: GenOrg[];
  users: GenUser[];
  children: GenChild[];
  members: GenMember[];
}

/** Audit rows an area's routes write in real use, so the log holds a realistic mix. */
export interface AuditTemplate {
  action: string;
  entity: string;
  /** Relative frequency among all templates. */
  weight: number;
  /**
   * 'child': one row about a child the actor is in the hub of; 'list': one row per
   * child of the actor's list (as a list read writes); 'session': a login, no child.
   */
  kind: 'child' | 'list' | 'session';
  detail?: (rng: Rng) => Record<string, unknown> | null;
}

/** Writes rows in bulk; `rows` must all have the same keys (missing keys would become null, not defaults). */
export type InsertFn = <T extends PgTable>(table: T, rows: T['$inferInsert'][]) => Promise<void>;

export interface GenContext {
  plan: Plan;
  rng: Rng;
  tenants: GenTenant[];
  /** The one argon2 hash every generated user shares (of BENCH_PASSWORD). */
  passwordHash: string;
  insert: InsertFn;
  /** Plain SQL for what `insert` does not cover (audit heads, settings). */
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /**
   * Runs `fn` with the table's secondary indexes dropped, then recreates them
   * from their own definitions: building an index once over millions of rows is
   * several times faster than keeping it up to date row by row.
   */
  withoutIndexes(table: string, fn: () => Promise<void>): Promise<void>;
  /** Audit templates of every area, for the audit area. */
  auditTemplates: AuditTemplate[];
  /** Inserts may run on this many connections at once (1 on the embedded database). */
  lanes: number;
  /** Report rows written, for the progress bar. */
  progress(rows: number): void;
}

/**
 * One area of the data: a file in bench/data/areas/ exporting `area`. A new
 * domain adds its tables by adding one such file; nothing else changes.
 */
export interface Area {
  name: string;
  /** Lower runs first; numbers leave gaps so a new area slots in between. */
  order: number;
  /** Rows this area writes at the plan: the progress bar's share. */
  estimate(plan: Plan): number;
  generate(ctx: GenContext): Promise<void>;
  audit?: AuditTemplate[];
}
