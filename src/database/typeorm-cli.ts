// Entry for the TypeORM CLI (`npm run migration:*`), run on the compiled dist/.
import { envSchema } from '../config/env.schema.js';
import { ownerDataSource } from './data-source.js';

const env = envSchema.pick({ DATABASE_URL: true, DATABASE_APP_ROLE: true }).parse(process.env);

export default ownerDataSource({ url: env.DATABASE_URL, appRole: env.DATABASE_APP_ROLE });
