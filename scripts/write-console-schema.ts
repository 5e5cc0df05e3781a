// `npm run console:schema`: regenerates the console's API types after a route or schema change.
import { writeFileSync } from 'node:fs';
import { CONSOLE_SCHEMA_FILE, consoleSchemaSource } from './console-schema.js';

writeFileSync(CONSOLE_SCHEMA_FILE, await consoleSchemaSource());
process.stdout.write(`Console API types written to ${CONSOLE_SCHEMA_FILE}\n`);
