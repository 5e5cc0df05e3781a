// `npm run lint:openapi` (after `npm run build`): writes the OpenAPI document the API serves.
// Usage: node dist/scripts/write-openapi.js [out-file]   (default dist/openapi.json)
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from './openapi-document.js';

const out = process.argv[2] ?? 'dist/openapi.json';
writeFileSync(out, `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`);
process.stdout.write(`OpenAPI document written to ${out}\n`);
