import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { migrations } from '../../migrations/index.js';
import { appSessionOptions, migrationSessionOptions } from './connection.js';

/**
 * The one place that knows how to reach the database. The app uses it with
 * `as: 'app'` (restricted role), the migration runner and the TypeORM CLI
 * with `as: 'owner'`. Entities are registered per feature module
 * (`autoLoadEntities`); the CLI only needs migrations.
 */
export function dataSourceOptions(
  db: Pick<DatabaseConfig, 'url' | 'appRole' | 'poolSize' | 'statementTimeoutMs'>,
  as: 'app' | 'owner',
): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    applicationName: as === 'app' ? 'oversight' : 'oversight-migrations',
    extra: {
      max: as === 'app' ? db.poolSize : 2,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      options: as === 'app' ? appSessionOptions(db as DatabaseConfig) : migrationSessionOptions(db),
    },
  };
}

export function ownerDataSource(db: Pick<DatabaseConfig, 'url' | 'appRole'>): DataSource {
  return new DataSource(dataSourceOptions({ poolSize: 2, statementTimeoutMs: 0, ...db }, 'owner'));
}
