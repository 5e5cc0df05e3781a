import fc from 'fast-check';
import { ALERT_RULES, type AlertRule } from './alert-rules.js';
import { diffAlerts } from './alert-diff.js';

const EPISODE = '0190a7d0-0000-7000-8000-00000000000';

describe('diffAlerts', () => {
  it('raises what is new, resolves what no longer holds, leaves the rest', () => {
    const candidates = [
      { rule: 'detention_limit_exceeded' as AlertRule, subjectId: `${EPISODE}1` },
      { rule: 'screening_overdue' as AlertRule, subjectId: `${EPISODE}2` },
    ];
    const unresolved = [
      { id: 'a1', rule: 'detention_limit_exceeded' as AlertRule, subjectId: `${EPISODE}1`, subjectKey: '' },
      { id: 'a3', rule: 'detention_limit_exceeded' as AlertRule, subjectId: `${EPISODE}3`, subjectKey: '' },
    ];
    expect(diffAlerts(candidates, unresolved)).toEqual({ toRaise: [candidates[1]], toResolve: ['a3'] });
  });

  it('tells the same subject under different rules apart', () => {
    const out = diffAlerts(
      [{ rule: 'detention_limit_exceeded', subjectId: `${EPISODE}1` }],
      [{ id: 'a1', rule: 'screening_overdue', subjectId: `${EPISODE}1`, subjectKey: '' }],
    );
    expect(out.toRaise).toHaveLength(1);
    expect(out.toResolve).toEqual(['a1']);
  });

  it('tells the same subject and rule under different keys apart (a recommendation with a new target date)', () => {
    const out = diffAlerts(
      [{ rule: 'recommendation_target_missed', subjectId: 'r1', subjectKey: '2026-06-30' }],
      [{ id: 'a1', rule: 'recommendation_target_missed', subjectId: 'r1', subjectKey: '2026-05-31' }],
    );
    expect(out).toEqual({
      toRaise: [{ rule: 'recommendation_target_missed', subjectId: 'r1', subjectKey: '2026-06-30' }],
      toResolve: ['a1'],
    });
  });

  it('partitions: every candidate is raised or already open, every open alert is kept or resolved', () => {
    const key = fc.record({
      rule: fc.constantFrom(...ALERT_RULES),
      subjectId: fc.constantFrom('s1', 's2', 's3', 's4'),
      subjectKey: fc.constantFrom('', '2026-05-31', '2026-06-30'),
    });
    type Key = { rule: AlertRule; subjectId: string; subjectKey: string };
    const selector = (k: Key) => `${k.rule}/${k.subjectId}/${k.subjectKey}`;
    fc.assert(
      fc.property(fc.uniqueArray(key, { selector }), fc.uniqueArray(key, { selector }), (candidates, open) => {
        const unresolved = open.map((k, i) => ({ id: `a${i}`, ...k }));
        const { toRaise, toResolve } = diffAlerts(candidates, unresolved);
        const same = (a: Key, b: Key) => selector(a) === selector(b);
        for (const c of candidates) expect(toRaise.includes(c)).toBe(!unresolved.some((a) => same(a, c)));
        for (const a of unresolved) expect(toResolve.includes(a.id)).toBe(!candidates.some((c) => same(a, c)));
      }),
    );
  });
});
