import { NOT_VOLUNTEER } from './groups.ts';
import type { Ctx, Rule } from './rules.ts';
import { today } from './world.ts';

/*
 * Follow-up figures. A municipality's figures: its managers and coordinators
 * (side z's municipality is not found). A collaboration's: its coordinators
 * and representatives and the managers (levels-world.ts: on side x the
 * coordinator runs both levels, the manager is the forum's representative).
 * The children behind a figure are only the reader's own (the leak check).
 */

const month = () => today().slice(0, 7);
const range = (level: string, id: string, indicator = 'missing_core_role') =>
  `level=${level}&id=${id}&from=${month()}&to=${month()}&indicator=${indicator}`;
const collaboration = (c: Ctx) => (c.side === 'z' ? c.w.levels.z : c.w.levels.x).collaborationId;

export const followupRules: Record<string, Rule> = {
  'GET /api/followup/indicators': { scope: 'self', allow: NOT_VOLUNTEER, deny: 403 },
  'GET /api/followup/figures': {
    scope: 'tenant',
    allow: ['manager', 'coordinator'],
    query: (c) => range('municipality', c.e.tenantId),
  },
  'GET /api/followup/figures.csv': {
    scope: 'tenant',
    allow: ['manager', 'coordinator'],
    query: (c) => range('municipality', c.e.tenantId),
  },
  'GET /api/followup/figures.xlsx': {
    scope: 'tenant',
    allow: ['manager', 'coordinator'],
    query: (c) => range('municipality', c.e.tenantId),
  },
  // The yearly report is the strategic level's, as targets are: on side x the coordinator runs it.
  'GET /api/followup/collaborations/{id}/report.pdf': {
    scope: 'collaboration',
    allow: ['coordinator'],
    params: (c) => ({ id: collaboration(c) }),
    query: () => `year=${today().slice(0, 4)}`,
  },
  'GET /api/followup/children': {
    scope: 'collaboration',
    allow: ['manager', 'coordinator'],
    query: (c) => range('collaboration', collaboration(c)),
  },
  'PUT /api/followup/collaborations/{id}/targets/{indicator}': {
    scope: 'collaboration',
    allow: ['coordinator'],
    params: (c) => ({ id: collaboration(c), indicator: 'first_hub_meeting' }),
    body: () => ({ target: 0.9 }),
  },
};
