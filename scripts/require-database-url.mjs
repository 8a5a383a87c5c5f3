import console from 'node:console';
import process from 'node:process';

// `npm run test:pg` runs the whole suite against PostgreSQL; without a database
// it would silently fall back to the embedded one and prove nothing.
if (!process.env.DATABASE_URL) {
  console.error(
    [
      'npm run test:pg needs DATABASE_URL: an empty PostgreSQL 15+ database the tests may fill, e.g.',
      '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/navet_test npm run test:pg',
      'A throwaway local cluster: eval "$(scripts/pg-throwaway.sh start)"',
    ].join('\n'),
  );
  process.exit(2);
}
