import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  // Migrations own constraints, indexes and triggers (entities do not repeat them); entities must match every
  // table and column the migrations create, with the same types and nullability.
  it('has exactly the tables and columns the entities describe, after the real migrations', async () => {
    const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    const columnChanges = pending.upQueries
      .map((q) => q.query)
      .filter((q) => /CREATE TABLE|ADD "|ADD COLUMN|DROP COLUMN|ALTER COLUMN|RENAME COLUMN/.test(q));
    expect(columnChanges).toEqual([]);
  });
});
