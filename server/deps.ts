import type { Config } from './config.ts';
import type { Db, DbKind } from './db/connect.ts';

/** What route modules need from the outside world; passed in, never imported as globals. */
export interface Deps {
  db: Db;
  kind: DbKind;
  config: Config;
}
