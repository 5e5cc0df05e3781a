import { validateSync } from 'class-validator';
import { IsTimestamp } from './validators.js';

class Probe {
  @IsTimestamp()
  at: unknown;
}

function accepts(value: unknown): boolean {
  const probe = new Probe();
  probe.at = value;
  return validateSync(probe).length === 0;
}

describe('IsTimestamp', () => {
  it.each([
    '2026-11-20T10:00:00Z',
    '2026-11-20T10:00Z',
    '2026-11-20T10:00:00.123456+05:30',
    '2024-02-29T00:00:00-01:00',
  ])('accepts %s', (value) => {
    expect(accepts(value)).toBe(true);
  });

  it.each([
    '2026-W01-1T00:00:00Z',
    '2026-001T00:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-13-45T10:00:00Z',
    '2026-11-20T10:00:00',
    '2026-11-20',
    'yesterday',
    1e20,
  ])('refuses %s (every value it accepts, Date can read)', (value) => {
    expect(accepts(value)).toBe(false);
  });
});
