/**
 * The yardstick: the same Fastify, the same database kind and data, without
 * Navet. GET /bare answers a constant; GET /select/:id does one primary-key
 * select on children. Navet's figures are read as ratios to /select, which
 * cancels out most of the machine.
 */
import Fastify from 'fastify';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';

const config = loadConfig();
// Same pool size as the server's default, so the two compare like for like.
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const text = 'select id, display_name from children where id = $1';
const selectOne = database.pool
  ? async (id: string) => (await database.pool!.query(text, [id])).rows[0]
  : async (id: string) => (await database.pglite!.query(text, [id])).rows[0];

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
app.get<{ Params: { id: string } }>('/select/:id', async (req, reply) => {
  const row = await selectOne(req.params.id);
  return row ? row : reply.status(404).send({ error: 'not_found' });
});

const shutdown = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
await app.listen({ port: config.port, host: config.host });
