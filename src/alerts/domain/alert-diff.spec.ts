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
      { id: 'a1', rule: 'detention_limit_exceeded' as AlertRule, subjectId: `${EPISODE}1` },
      { id: 'a3', rule: 'detention_limit_exceeded' as AlertRule, subjectId: `${EPISODE}3` },
    ];
    expect(diffAlerts(candidates, unresolved)).toEqual({ toRaise: [candidates[1]], toResolve: ['a3'] });
  });

  it('tells the same subject under different rules apart', () => {
    const out = diffAlerts(
      [{ rule: 'detention_limit_exceeded', subjectId: `${EPISODE}1` }],
      [{ id: 'a1', rule: 'screening_overdue', subjectId: `${EPISODE}1` }],
    );
    expect(out.toRaise).toHaveLength(1);
    expect(out.toResolve).toEqual(['a1']);
  });

  it('partitions: every candidate is raised or already open, every open alert is kept or resolved', () => {
    const key = fc.record({
      rule: fc.constantFrom(...ALERT_RULES),
      subjectId: fc.constantFrom('s1', 's2', 's3', 's4'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { selector: (k) => `${k.rule}/${k.subjectId}` }),
        fc.uniqueArray(key, { selector: (k) => `${k.rule}/${k.subjectId}` }),
        (candidates, open) => {
          const unresolved = open.map((k, i) => ({ id: `a${i}`, ...k }));
          const { toRaise, toResolve } = diffAlerts(candidates, unresolved);
          const same = (a: { rule: string; subjectId: string }, b: { rule: string; subjectId: string }) =>
            a.rule === b.rule && a.subjectId === b.subjectId;
          for (const c of candidates) expect(toRaise.includes(c)).toBe(!unresolved.some((a) => same(a, c)));
          for (const a of unresolved) expect(toResolve.includes(a.id)).toBe(!candidates.some((c) => same(a, c)));
        },
      ),
    );
  });
});
