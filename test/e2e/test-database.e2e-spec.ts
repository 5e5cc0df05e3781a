import pg from 'pg';
import { createTestDatabase, databaseUrl, dropTestDatabase } from '../support/test-database.js';

/**
 * Regression for a CI flake: `pg.Pool#end()` resolves before its clients' connections have closed, and a
 * `DROP DATABASE … WITH (FORCE)` issued right after it terminated them; the FATAL 57P01 surfaced as an 'error'
 * event on the pool. Dropping must wait for the connections to go, so a pool that was ended cleanly never sees one.
 */
describe('dropping a test database', () => {
  it('never terminates the connections of a pool that has just been ended', async () => {
    const errors: string[] = [];
    for (let i = 0; i < 15; i++) {
      const name = await createTestDatabase();
      const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 4 });
      pool.on('error', (err: Error & { code?: string }) => errors.push(err.code ?? err.message));
      await Promise.all([1, 2, 3, 4].map(() => pool.query('SELECT pg_sleep(0.005)')));
      await pool.end();
      await dropTestDatabase(name);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(errors).toEqual([]);
  });
});
