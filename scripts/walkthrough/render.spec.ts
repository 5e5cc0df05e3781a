import {
  curlOf,
  normalise,
  readSection,
  ref,
  renderStep,
  replaceSection,
  resolveRefs,
  responseText,
  shortenTokens,
  trimLists,
  type StepResult,
} from './render.js';

describe('walkthrough rendering', () => {
  describe('normalise', () => {
    it('replaces ids, instants, dates, tokens, keys, digests, signatures and numbers by placeholders', () => {
      const text = [
        '"id": "01a23c04-7136-7084-8922-f36d1cca2180"',
        '"at": "2026-12-01T10:07:33.575Z", "from": "2026-09-02T13:07:33+02:00", "dateOfBirth": "1996-04-12"',
        '"accessToken": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.GMdjAJ41Ok-K5ybovyBvqtQFUqfjfMXB2cyXqPLCbMI"',
        'key ovk_01a23c0471367084_abcDEF-123_xyz',
        '"root": "c7f2efdd86602097a1eb17f651a1e6a9dacddc4e54ca56e3711f3d57537182c4", "keyId": "e5f81b5efd5deea6"',
        '"signature": "291nzk/tWYrXcs+QSzmKYzzak4UGl7etcAGs8qBai0WxyaAqLbE+5szAODT9nHauamtauWZwdRjDtcRz4GfLAg=="',
        '"checked": 835, "share": 0.636, "externalRef": "DEMO-BP-2026-00073"',
        '"agencyConcernShare": 0.3333333333333333, "other": 0',
      ].join('\n');
      expect(normalise(text).split('\n')).toEqual([
        '"id": "<uuid>"',
        '"at": "<instant>", "from": "<instant>", "dateOfBirth": "<date>"',
        '"accessToken": "<jwt>"',
        'key <api-key>',
        '"root": "<hex>", "keyId": "<hex>"',
        '"signature": "<encoded>"',
        '"checked": <n>, "share": <n>, "externalRef": "DEMO-BP-<n>-<n>"',
        '"agencyConcernShare": <n>, "other": <n>',
      ]);
    });

    it('keeps words, field names, states and structure, so a renamed field or a new state still differs', () => {
      expect(normalise('"state": "referred",\n  "responseText": null')).toBe(
        '"state": "referred",\n  "responseText": null',
      );
      expect(normalise('"state": "referred"')).not.toBe(normalise('"state": "screening"'));
      expect(normalise('{ "text": "x" }')).not.toBe(normalise('{ "responseText": "x" }'));
    });

    it('gives two runs that differ only in volatile values the same text, and is idempotent', () => {
      const a = 'CASE=01a23c04-7136-7084-8922-f36d1cca2180 at 2026-12-01T10:07:33.575Z, 21 scanned';
      const b = 'CASE=01b00000-0000-7000-8000-000000000001 at 2027-01-04T09:00:00.000Z, 3 scanned';
      expect(normalise(a)).toBe(normalise(b));
      expect(normalise(normalise(a))).toBe(normalise(a));
    });
  });

  describe('curl', () => {
    it('uses $BASE, the caller token variable and the path variables as the reader types them', () => {
      expect(curlOf({ method: 'GET', path: '/cases/$CASE', token: 'OFFICER' })).toBe(
        'curl -s "$BASE/cases/$CASE" \\\n  -H "authorization: Bearer $OFFICER"',
      );
    });

    it('sends JSON in single quotes, splices variables from the shell and escapes single quotes', () => {
      const curl = curlOf({
        method: 'POST',
        path: '/reviews/$REVIEW/assign',
        token: 'COMMISSIONER',
        body: { reviewerId: ref('REVIEWER_ID'), note: "it's" },
      });
      expect(curl).toContain('curl -s -X POST "$BASE/reviews/$REVIEW/assign"');
      expect(curl).toContain(`-H 'content-type: application/json'`);
      expect(curl).toContain(`-d '{"reviewerId":"'"$REVIEWER_ID"'","note":"it'\\''s"}'`);
    });

    it('sends the variable values to the server', () => {
      expect(resolveRefs({ a: ref('X'), b: [ref('X'), 2] }, { X: 'v' })).toEqual({ a: 'v', b: ['v', 2] });
      expect(() => resolveRefs({ a: ref('Y') }, {})).toThrow(/\$Y is used before a step sets it/);
    });
  });

  describe('responses', () => {
    it('cuts long lists at every depth and says how many items it left out', () => {
      expect(trimLists({ items: [1, 2, 3, 4], nested: { tags: ['a', 'b', 'c'] } }, 2)).toEqual({
        items: [1, 2, '… 2 more'],
        nested: { tags: ['a', 'b', '… 1 more'] },
      });
    });

    it('pretty-prints JSON and cuts text to its first lines', () => {
      expect(responseText({ body: '{"a":[1]}', contentType: 'application/json', maxItems: 3, maxLines: 2 })).toBe(
        '{\n  "a": [\n    1\n  ]\n}',
      );
      expect(responseText({ body: 'h\n1\n2\n3\n', contentType: 'text/csv', maxItems: 3, maxLines: 2 })).toBe(
        'h\n1\n… 2 more lines',
      );
      expect(responseText({ body: '', contentType: '', maxItems: 3, maxLines: 2 })).toBe('(no body)');
      // CSV lines end in CRLF (RFC 4180); the README keeps LF only.
      expect(responseText({ body: 'h\r\n1\r\n', contentType: 'text/csv', maxItems: 3, maxLines: 5 })).toBe('h\n1');
    });

    it('renders a step as its title, the command, the variables it set, the status and the answer', () => {
      const step: StepResult = {
        title: 'Open a case.',
        request: { method: 'POST', path: '/cases', token: 'OFFICER', body: { externalRef: 'X' } },
        status: 201,
        contentType: 'application/json; charset=utf-8',
        body: '{"id":"c"}',
        headers: [['x-k-anonymity', '11']],
        saved: [['CASE', 'c']],
        maxItems: 3,
        maxLines: 12,
      };
      expect(renderStep(step, 3)).toBe(
        [
          '**3. Open a case.**',
          '',
          '```bash',
          'curl -s -X POST "$BASE/cases" \\',
          '  -H "authorization: Bearer $OFFICER" \\',
          `  -H 'content-type: application/json' \\`,
          `  -d '{"externalRef":"X"}'`,
          'CASE=c',
          '```',
          '',
          'HTTP 201, x-k-anonymity: 11:',
          '',
          '```json',
          '{\n  "id": "c"\n}',
          '```',
        ].join('\n'),
      );
    });
  });

  describe('README sections', () => {
    const doc = 'a\n<!-- w:start -->\nold\n<!-- w:end -->\nb';

    it('reads and replaces the text between the markers, and refuses a document without them', () => {
      expect(readSection(doc, 'w')).toBe('old');
      const replaced = replaceSection(doc, 'w', 'new\ntext');
      expect(replaced).toBe('a\n<!-- w:start -->\nnew\ntext\n<!-- w:end -->\nb');
      expect(readSection(replaced, 'w')).toBe('new\ntext');
      expect(() => readSection('no markers', 'w')).toThrow(/no w markers/);
      expect(() => replaceSection('no markers', 'w', 'x')).toThrow(/no w markers/);
    });
  });
});

describe('shortenTokens', () => {
  it('keeps only the first characters of a JWT', () => {
    expect(shortenTokens('{"accessToken": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"}')).toBe(
      '{"accessToken": "eyJhbGciOiJ…"}',
    );
  });
});

describe('normalise, for values a fresh run draws anew', () => {
  it('treats whether a record was sampled as volatile', () => {
    expect(normalise('"sampled": true')).toBe(normalise('"sampled": false'));
    expect(normalise('"pii": true')).not.toBe(normalise('"pii": false'));
  });
});
