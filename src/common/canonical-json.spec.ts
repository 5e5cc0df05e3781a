import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('reproduces the RFC 8785 §3.2.2 example', () => {
    // The input of RFC 8785 §3.2.2 as it appears on the wire.
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('refuses a lone surrogate, so no event can be sealed with one', () => {
    expect(() => canonicalJson({ reason: 'broken \ud800 text' })).toThrow(/surrogate/i);
  });
});
