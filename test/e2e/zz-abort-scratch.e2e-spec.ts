import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorld } from '../factories/world.js';
import { startTestApp } from '../support/test-app.js';

it('scratch: aborted downloads free their connection', async () => {
  const t = await startTestApp({ env: { EXPORT_K: '2', DATABASE_POOL_SIZE: '4' } });
  const w = await createWorld(t);
  await t.sql.query(
    `INSERT INTO cases (id, agency_id, external_ref, state, version, pseudonym, sex, birth_year, nationality,
                        is_child, encounter_at, encounter_location, encounter_kind, indicators, state_entered_at,
                        audit_seq, audit_hash, created_at, updated_at)
     SELECT gen_random_uuid(), $1, 'BULK-' || g || '-' || c, 'screening', 0, 'P', 'female', 1960 + g % 40,
            chr(65 + g % 26) || chr(65 + (g / 26) % 26) || chr(65 + (g / 676) % 26), false,
            make_timestamptz(1980 + g / 17000, 6, 1, 0, 0, 0, 'UTC'), 'Bulk', 'inland', '{deception}', now(), 0, '\\x00', now(), now()
       FROM generate_series(0, 99999) g, generate_series(1, 2) c`,
    [w.agencies.own.id],
  );
  const server = t.app.getHttpServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  for (let i = 0; i < 8; i++) {
    await new Promise<void>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: '/api/v1/exports/anonymised', headers: { authorization: w.analyst.auth } },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', () => resolve());
      setTimeout(() => reject(new Error('no data')), 20000);
    });
  }
  const started = Date.now();
  const res = await t.http().get('/api/v1/exports/anonymised').set('authorization', w.analyst.auth);
  console.log('final', res.status, res.text.length, Date.now() - started, 'ms', res.headers['x-published-rows']);
  const { rows } = await t.sql.query(
    `SELECT state, count(*) FROM pg_stat_activity WHERE datname = current_database() GROUP BY 1`,
  );
  console.log(rows);
  await t.close();
}, 120000);
