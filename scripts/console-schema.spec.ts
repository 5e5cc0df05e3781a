import { readFileSync } from 'node:fs';
import { CONSOLE_SCHEMA_FILE, consoleSchemaSource } from './console-schema.js';

describe('the console API types', () => {
  it('are what openapi-typescript generates from the document the API serves now (else: npm run console:schema)', async () => {
    const committed = readFileSync(CONSOLE_SCHEMA_FILE, 'utf8');
    expect(committed === (await consoleSchemaSource())).toBe(true);
  });
});
