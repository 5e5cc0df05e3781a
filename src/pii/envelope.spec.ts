import { createCipheriv, randomBytes } from 'node:crypto';
import { open, seal } from './envelope.js';

const KEY = randomBytes(32);
const KEYS = new Map([['k1', KEY]]);

describe('PII envelopes (AES-256-GCM)', () => {
  it('opens what it sealed, in the same context only', () => {
    const sealed = seal('Ana Example', KEY, 'k1', 'case:1');
    expect(open(sealed, KEYS, 'case:1')).toBe('Ana Example');
    expect(() => open(sealed, KEYS, 'case:2')).toThrow();
  });

  it('refuses an envelope whose tag is shorter than 16 bytes', () => {
    // A forger's envelope: iv ‖ a 4-byte tag of an empty text. GCM would check it against those 4 bytes.
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', KEY, iv, { authTagLength: 4 });
    cipher.setAAD(Buffer.from('case:1', 'utf8'));
    cipher.update('');
    cipher.final();
    const short = { ciphertext: Buffer.concat([iv, cipher.getAuthTag()]), keyId: 'k1' };
    expect(() => open(short, KEYS, 'case:1')).toThrow();
  });

  it('refuses an envelope cut anywhere short of its full tag', () => {
    const sealed = seal('x', KEY, 'k1', 'case:1');
    for (let length = 0; length < 28; length++) {
      expect(() => open({ ciphertext: sealed.ciphertext.subarray(0, length), keyId: 'k1' }, KEYS, 'case:1')).toThrow();
    }
  });
});
