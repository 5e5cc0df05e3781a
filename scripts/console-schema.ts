import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from './openapi-document.js';

/** Where the console's API types live; generated, never edited (`npm run console:schema`). */
export const CONSOLE_SCHEMA_FILE = 'console/src/api/schema.d.ts';

const HEADER =
  "// Generated from the API's OpenAPI document by `npm run console:schema` (openapi-typescript). Do not edit:\n" +
  '// a test fails when this file differs from what the API documents now.\n';

/** The console's API types, generated from the document the API serves today. */
export async function consoleSchemaSource(): Promise<string> {
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return `${HEADER}${astToString(ast)}`;
}
