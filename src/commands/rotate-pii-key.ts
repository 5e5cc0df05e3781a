import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { prepareProcess, runOrExit } from '../bootstrap/prepare-process.js';
import { dataSourceOptions } from '../database/data-source.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import { rotatePiiKey } from '../pii/pii-key-rotation.js';

// `npm run pii:rotate-key`: put the new key first in PII_ENCRYPTION_KEYS (keep the old ones after it), run this,
// then remove the old keys once it reports nothing left to re-encrypt.
runOrExit(async () => {
  const config = await prepareProcess();
  const db = new DataSource(dataSourceOptions(config.database, 'app'));
  await db.initialize();
  try {
    const report = await rotatePiiKey(db, new PiiCipher(config));
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await db.destroy();
  }
}, 'Key rotation failed');
