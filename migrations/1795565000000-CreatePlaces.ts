import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlaces1795565000000 implements MigrationInterface {
  name = 'CreatePlaces1795565000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE places (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('border_post', 'holding_room', 'removal_centre', 'police_custody',
                                           'shelter', 'other')),
        region text NOT NULL,
        capacity integer CHECK (capacity IS NULL OR capacity > 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX places_agency_idx ON places (agency_id, id)`);
    await q.query(`CREATE INDEX places_active_idx ON places (id) WHERE active`);
    // Episodes from before places existed keep a free-text facility and no place.
    await q.query(`ALTER TABLE detention_episodes ADD COLUMN place_id uuid REFERENCES places (id)`);
    // Who is detained at a place now: the roll, the deactivation check and a plan's risk inputs read only this.
    await q.query(
      `CREATE INDEX detention_episodes_open_place_idx ON detention_episodes (place_id, detained_at)
        WHERE released_at IS NULL AND place_id IS NOT NULL`,
    );
    // Every episode ever at a place: a visit plan counts the detention alerts raised there.
    await q.query(
      `CREATE INDEX detention_episodes_place_idx ON detention_episodes (place_id) WHERE place_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX detention_episodes_place_idx`);
    await q.query(`DROP INDEX detention_episodes_open_place_idx`);
    await q.query(`ALTER TABLE detention_episodes DROP COLUMN place_id`);
    await q.query(`DROP TABLE places`);
  }
}
