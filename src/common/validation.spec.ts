import type { ValidationError } from '@nestjs/common';
import { ValidationFailed } from './domain-errors.js';
import { flatten, validationPipe } from './validation.js';
import { ConcludeReviewDto } from '../reviews/dto.js';
import { CreateCaseDto } from '../cases/dto/create-case.dto.js';

async function errorsOf(metatype: new () => object, body: unknown): Promise<unknown> {
  try {
    await validationPipe().transform(body, { type: 'body', metatype });
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors;
    throw error;
  }
  return [];
}

describe('flatten', () => {
  const error = (property: string, value: unknown, constraints: Record<string, string>): ValidationError => ({
    property,
    value,
    constraints,
    children: [],
  });

  it('replaces every rule of an absent field by one "is required"', () => {
    const absent = error('rationale', undefined, { isString: 'rationale must be a string', minLength: 'too short' });
    expect(flatten([absent])).toEqual([{ field: 'rationale', message: 'rationale is required' }]);
  });

  it('keeps the rules of a field that is present, even when null or empty', () => {
    expect(flatten([error('rationale', null, { isString: 'rationale must be a string' })])).toEqual([
      { field: 'rationale', message: 'rationale must be a string' },
    ]);
    expect(flatten([error('rationale', '', { minLength: 'too short' })])).toEqual([
      { field: 'rationale', message: 'too short' },
    ]);
  });

  it('names a nested absent field by its dotted path', () => {
    const subject: ValidationError = {
      property: 'subject',
      value: {},
      children: [error('pseudonym', undefined, { isString: 'pseudonym must be a string' })],
    };
    expect(flatten([subject])).toEqual([{ field: 'subject.pseudonym', message: 'subject.pseudonym is required' }]);
  });
});

describe('validationPipe', () => {
  it('reports absent required fields as required, and wrong ones by their rule', async () => {
    expect(await errorsOf(ConcludeReviewDto, { rationale: 'x'.repeat(30) })).toEqual([
      { field: 'finding', message: 'finding is required' },
    ]);
    expect(await errorsOf(ConcludeReviewDto, { finding: 'maybe', rationale: 'x'.repeat(30) })).toEqual([
      { field: 'finding', message: expect.stringContaining('must be one of') },
    ]);
  });

  it('names each absent nested field once', async () => {
    const errors = await errorsOf(CreateCaseDto, {
      externalRef: 'BP-1',
      subject: { sex: 'female', languages: [] },
      encounter: { at: '2026-11-20T10:00:00Z', location: 'x', kind: 'inland' },
      indicators: [],
    });
    expect(errors).toEqual([
      { field: 'subject.pseudonym', message: 'subject.pseudonym is required' },
      { field: 'subject.isChild', message: 'subject.isChild is required' },
    ]);
  });
});
