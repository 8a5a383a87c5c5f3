import type { Role } from '../../../common/roles.ts';

/**
 * The demo tenant's logins, as seeded by server/demo/seed.ts (fictional people).
 * Kept here because the client must not import server code; the e2e test
 * checks that every seeded e-mail is listed, so the two cannot drift apart.
 */
export const DEMO_PASSWORD = 'navet-demo-2026';

export const demoLogins: { email: string; role: Role }[] = [
  { email: 'socialsekreterare@demo.navet.se', role: 'social_worker' },
  { email: 'godman@demo.navet.se', role: 'god_man' },
  { email: 'kontaktperson@demo.navet.se', role: 'contact_person' },
  { email: 'mentor@demo.navet.se', role: 'school_mentor' },
  { email: 'elevhalsa@demo.navet.se', role: 'school_health' },
  { email: 'bup@demo.navet.se', role: 'child_psychiatry' },
  { email: 'chef@demo.navet.se', role: 'manager' },
  { email: 'samordnare@demo.navet.se', role: 'coordinator' },
  { email: 'admin@demo.navet.se', role: 'tenant_admin' },
  { email: 'admin2@demo.navet.se', role: 'tenant_admin' },
  { email: 'volontar@demo.navet.se', role: 'volunteer' },
];
