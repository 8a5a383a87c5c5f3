import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** The PDF of an adopted version and the FHIR export. */
export function planOutputRoutes(_app: FastifyInstance, _deps: Deps): void {}
