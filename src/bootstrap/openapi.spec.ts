import { ApiPropertyOptional, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { IsEmail, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { annotateValidatedModels, applyValidationRules } from './openapi-validation-rules.js';
import { finishDocument } from './openapi.js';

const PROBLEM = { $ref: '#/components/schemas/ProblemDto' };

function scanned(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/v1/things': {
        post: {
          operationId: 'createThing',
          tags: ['cases'],
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateThingDto' } } },
          },
          responses: {
            '201': {
              description: '',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            '400': { description: 'custom', content: { 'application/problem+json': { schema: PROBLEM } } },
          },
        },
      },
      '/health/live': {
        get: { operationId: 'getLiveness', tags: ['operations'], responses: { '200': { description: '' } } },
      },
    },
    components: {
      schemas: {
        CreateThingDto: {
          type: 'object',
          properties: { name: { type: 'string' }, part: { $ref: '#/components/schemas/PartDto' } },
        },
        PartDto: { type: 'object', properties: { n: { type: 'integer' } } },
        Thing: {
          type: 'object',
          properties: {
            owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/Owner' }] },
            state: { type: 'string', enum: ['a', 'b'], nullable: true },
            tags: { type: 'array', items: { nullable: true, $ref: '#/components/schemas/Owner' } as SchemaObject },
          },
        },
        Owner: { type: 'object', properties: { id: { type: 'string' } } },
      },
    },
  };
}

describe('finishDocument', () => {
  const doc = finishDocument(scanned());
  const schemas = doc.components!.schemas as Record<string, SchemaObject>;
  const thing = schemas.Thing.properties as Record<string, SchemaObject>;
  const post = doc.paths['/api/v1/things'].post!;
  const live = doc.paths['/health/live'].get!;

  it('turns a nullable $ref or allOf into anyOf with a null-only branch (OpenAPI 3.0 ignores nullable there)', () => {
    const nullOnly = { type: 'object', nullable: true, enum: [null] };
    expect(thing.owner).toEqual({ anyOf: [{ $ref: '#/components/schemas/Owner' }, nullOnly] });
    expect((thing.tags.items as SchemaObject).anyOf).toEqual([{ $ref: '#/components/schemas/Owner' }, nullOnly]);
  });

  it('lists null in a nullable enum', () => {
    expect(thing.state.enum).toEqual(['a', 'b', null]);
  });

  it('closes the request body schemas, nested ones included, and leaves response schemas open', () => {
    expect(schemas.CreateThingDto.additionalProperties).toBe(false);
    expect(schemas.PartDto.additionalProperties).toBe(false);
    expect(schemas.Thing.additionalProperties).toBeUndefined();
  });

  it('adds 413, 415, 500 and 503 problems where missing, keeps what the route declares', () => {
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '413', '415', '500', '503']);
    expect(post.responses['400']).toMatchObject({ description: 'custom' });
    expect(post.responses['413']).toMatchObject({ content: { 'application/problem+json': { schema: PROBLEM } } });
    expect(Object.keys(live.responses).sort()).toEqual(['200', '500', '503']);
    expect(post.responses['503']).toMatchObject({
      headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
    });
  });

  it('documents X-Request-Id on every response', () => {
    for (const response of [...Object.values(post.responses), ...Object.values(live.responses)]) {
      expect(response).toMatchObject({ headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } } });
    }
    expect(doc.components!.headers!.XRequestId).toMatchObject({ required: true });
  });

  it('marks routes without security as public and keeps the others’', () => {
    expect(live.security).toEqual([]);
    expect(post.security).toEqual([{ bearer: [] }]);
  });

  it('lists the tags in use, each with a description', () => {
    expect(doc.tags).toEqual([
      { name: 'cases', description: expect.any(String) },
      { name: 'operations', description: expect.any(String) },
    ]);
  });

  it('lists a tag it has no description for without one, and refuses a duplicate operation id', () => {
    const newTag = scanned();
    newTag.paths['/health/live'].get!.tags = ['misc'];
    expect(finishDocument(newTag).tags).toEqual([{ name: 'cases', description: expect.any(String) }, { name: 'misc' }]);
    const duplicate = scanned();
    duplicate.paths['/health/live'].get!.operationId = 'createThing';
    expect(() => finishDocument(duplicate)).toThrow(/duplicate operation ids: createThing/);
  });

  it('leaves the scanned document untouched', () => {
    expect(scanned()).toEqual(scanned());
    const input = scanned();
    finishDocument(input);
    expect(input).toEqual(scanned());
  });
});

class RuledDto {
  @IsInt() @Min(0) @Max(9) count: number;
  @MinLength(2) @MaxLength(20) name: string;
  @Matches(/^[0-9a-f]+$/) hex: string;
  @Matches(/^[a-z]+$/i) caseless: string;
  @IsEmail() email: string;
  @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

class DerivedRuledDto extends RuledDto {
  @MaxLength(5) extra: string;
}

describe('applyValidationRules', () => {
  function schemas(): Record<string, SchemaObject> {
    const props = (): Record<string, SchemaObject> => ({
      count: { type: 'number' },
      name: { type: 'string', maxLength: 10 },
      hex: { type: 'string' },
      caseless: { type: 'string' },
      email: { type: 'string' },
      ids: { type: 'array', items: { type: 'string' } },
    });
    // Component schemas are named after their classes; that is how the rules find them.
    return {
      [RuledDto.name]: { type: 'object', properties: props() },
      [DerivedRuledDto.name]: { type: 'object', properties: { ...props(), extra: { type: 'string' } } },
    };
  }

  it('writes the class-validator rules into the schema, keeping what @ApiProperty says', () => {
    const s = schemas();
    applyValidationRules(s);
    expect(s.RuledDto.properties).toEqual({
      count: { type: 'integer', minimum: 0, maximum: 9 },
      name: { type: 'string', minLength: 2, maxLength: 10 },
      hex: { type: 'string', pattern: '^[0-9a-f]+$' },
      caseless: { type: 'string' },
      email: { type: 'string', format: 'email' },
      ids: { type: 'array', items: { type: 'string', format: 'uuid' } },
    });
  });

  it('applies inherited rules to a subclass', () => {
    const s = schemas();
    applyValidationRules(s);
    expect(s.DerivedRuledDto.properties).toMatchObject({
      count: { type: 'integer', minimum: 0, maximum: 9 },
      extra: { type: 'string', maxLength: 5 },
    });
  });
});

class SomeQuery {
  @ApiPropertyOptional({ example: 'case' }) @IsOptional() @Matches(/^[a-z_]{1,40}$/) subjectType?: string;
  @ApiPropertyOptional({ maximum: 50 }) @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @MaxLength(9) undocumented?: string;
}

describe('annotateValidatedModels', () => {
  it('writes the rules into the @ApiProperty metadata a query parameter is made from, its own options first', () => {
    annotateValidatedModels();
    const metadata = (name: string): unknown =>
      Reflect.getMetadata('swagger/apiModelProperties', SomeQuery.prototype, name) as unknown;
    expect(metadata('subjectType')).toMatchObject({ example: 'case', pattern: '^[a-z_]{1,40}$' });
    expect(metadata('limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 50 });
    expect(metadata('undocumented')).toBeUndefined();
  });
});
