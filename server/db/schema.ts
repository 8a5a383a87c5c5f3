// Every table, gathered for Drizzle and drizzle-kit. Tables live beside their domain.
export * from '../domain/tenancy/tables.ts';
export * from '../domain/auth/tables.ts';
export * from '../domain/children/tables.ts';
export * from '../domain/hub/tables.ts';
export * from '../domain/child-view/tables.ts';
export * from '../audit/tables.ts';
export * from '../jobs/tables.ts';
export * from '../notify/tables.ts';
export * from '../domain/meetings/tables.ts';
export * from '../domain/besked/tables.ts';
export * from '../domain/events/tables.ts';
export * from '../domain/consent/tables.ts';
export * from '../domain/sharing/tables.ts';
export * from '../domain/plans/tables.ts';
