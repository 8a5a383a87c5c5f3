// The demo's logins, apart from the seed so that the browser tests can read them without loading the server.
import type { Role } from '../../common/roles.ts';

/** Shared by every demo login; printed on start and in the README. Fictional data only. */
export const DEMO_PASSWORD = 'navet-demo-2026';

export const demoUsers: { email: string; name: string; role: Role; org: string }[] = [
  { email: 'socialsekreterare@demo.navet.se', name: 'Sara Lind', role: 'social_worker', org: 'social' },
  { email: 'godman@demo.navet.se', name: 'Göran Ek', role: 'god_man', org: 'guardian' },
  { email: 'kontaktperson@demo.navet.se', name: 'Karin Berg', role: 'contact_person', org: 'hvb' },
  { email: 'mentor@demo.navet.se', name: 'Mats Holm', role: 'school_mentor', org: 'school' },
  { email: 'elevhalsa@demo.navet.se', name: 'Elin Strand', role: 'school_health', org: 'school' },
  { email: 'bup@demo.navet.se', name: 'Bo Persson', role: 'child_psychiatry', org: 'bup' },
  { email: 'chef@demo.navet.se', name: 'Cecilia Norén', role: 'manager', org: 'social' },
  { email: 'samordnare@demo.navet.se', name: 'Samir Haddad', role: 'coordinator', org: 'social' },
  { email: 'admin@demo.navet.se', name: 'Anna Admin', role: 'tenant_admin', org: 'social' },
  // A second admin: roles that open children's data are given only with another admin's approval.
  { email: 'admin2@demo.navet.se', name: 'Adam Andersson', role: 'tenant_admin', org: 'social' },
  { email: 'volontar@demo.navet.se', name: 'Vera Ström', role: 'volunteer', org: 'civil' },
];
