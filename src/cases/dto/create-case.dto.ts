import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { IsTimestamp, NestedObject, Text } from '../../common/validators.js';
import { birthYearAgrees, DATE_OF_BIRTH_MESSAGES, dateOfBirthProblem } from '../domain/date-of-birth.js';
import { INDICATOR_CODES } from '../domain/indicators.js';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const EXTERNAL_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
export const EXTERNAL_REF_MESSAGE = 'externalRef must be 1–64 letters, digits, . _ / -';
export const ENCOUNTER_KINDS = ['border_entry', 'border_exit', 'inland', 'workplace_inspection', 'other'] as const;

function IsDateOfBirth(): PropertyDecorator {
  return ValidateBy({
    name: 'isDateOfBirth',
    validator: {
      // "Today" is when the request is validated: a date of birth is never judged against a stale clock.
      validate: (value: unknown) => typeof value === 'string' && dateOfBirthProblem(value, new Date()) === null,
      defaultMessage: (args) => {
        const value = args?.value as unknown;
        const problem = typeof value === 'string' ? dateOfBirthProblem(value, new Date()) : null;
        return `$property ${DATE_OF_BIRTH_MESSAGES[problem ?? 'not_a_date']}`;
      },
    },
  });
}

/** Reported on `birthYear`, the coarser of the two: the date of birth is what the agency read off a document. */
function AgreesWithDateOfBirth(): PropertyDecorator {
  return ValidateBy({
    name: 'agreesWithDateOfBirth',
    validator: {
      validate: (value: unknown, args) => {
        const dateOfBirth = (args?.object as { dateOfBirth?: unknown } | undefined)?.dateOfBirth;
        return typeof value !== 'number' || typeof dateOfBirth !== 'string' || birthYearAgrees(value, dateOfBirth);
      },
      defaultMessage: () => '$property must be the year of dateOfBirth',
    },
  });
}

export class SubjectDto {
  @ApiProperty({ example: 'KH-F-1998-017', description: 'The agency’s pseudonym for the person; not personal data.' })
  @Text(1, 64)
  pseudonym: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex: (typeof SEXES)[number];

  @ApiPropertyOptional({
    type: 'integer',
    example: 1998,
    minimum: 1900,
    maximum: 2100,
    description: 'With `dateOfBirth`, the year of that date (else 400 naming `subject.birthYear`).',
  })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  @AgreesWithDateOfBirth()
  birthYear?: number;

  @ApiPropertyOptional({ example: 'KHM', description: 'ISO 3166-1 alpha-3' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'nationality must be an ISO 3166-1 alpha-3 code' })
  nationality?: string;

  @ApiProperty({ example: ['km'], type: [String], description: 'ISO 639 language codes' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { each: true, message: 'each language must be an ISO 639 code' })
  languages: string[];

  @ApiProperty()
  @IsBoolean()
  isChild: boolean;

  @ApiPropertyOptional({ description: 'Personal data: encrypted at rest, shown only to roles with PII access.' })
  @IsOptional()
  @Text(1, 200)
  name?: string;

  @ApiPropertyOptional({
    example: '1998-04-02',
    format: 'date',
    description: 'Personal data: a real calendar date (YYYY-MM-DD), from 1900-01-01 and not after today (UTC).',
  })
  @IsOptional()
  @IsDateOfBirth()
  dateOfBirth?: string;

  @ApiPropertyOptional({ description: 'Personal data.' })
  @IsOptional()
  @Text(1, 100)
  documentNumber?: string;

  @ApiPropertyOptional({ description: 'Personal data (phone, address, …).' })
  @IsOptional()
  @Text(1, 500)
  contact?: string;
}

export class EncounterDto {
  @ApiProperty({ example: '2026-11-20T10:00:00Z', format: 'date-time' })
  @IsTimestamp()
  at: string;

  @ApiProperty({ example: 'Northern border crossing, lane 3' })
  @Text(1, 300)
  location: string;

  @ApiProperty({ enum: ENCOUNTER_KINDS })
  @IsIn(ENCOUNTER_KINDS)
  kind: (typeof ENCOUNTER_KINDS)[number];
}

export class InitialDetentionDto {
  @ApiProperty({ example: '2026-11-20T12:00:00Z', format: 'date-time' })
  @IsTimestamp()
  at: string;

  @ApiPropertyOptional({
    example: 'Northern District holding facility',
    description: 'Required unless placeId is given (then the place’s name is taken).',
  })
  @IsOptional()
  @Text(1, 200)
  facility?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An active place of the case’s agency (else 422).' })
  @IsOptional()
  @IsUUID()
  placeId?: string;

  @ApiProperty({ example: 'Aliens Act s. 62 (pending identity check)' })
  @Text(1, 500)
  legalBasis: string;
}

export class CreateCaseDto {
  @ApiProperty({ example: 'BP-2026-000123', description: 'The agency’s own reference; unique per agency.' })
  @IsString()
  @Matches(EXTERNAL_REF_PATTERN, { message: EXTERNAL_REF_MESSAGE })
  externalRef: string;

  @NestedObject(SubjectDto)
  subject: SubjectDto;

  @NestedObject(EncounterDto)
  encounter: EncounterDto;

  @ApiProperty({ enum: INDICATOR_CODES, isArray: true, example: ['deception', 'debt_bondage'] })
  @IsArray()
  @ArrayMaxSize(INDICATOR_CODES.length)
  @ArrayUnique()
  @IsIn(INDICATOR_CODES, { each: true })
  indicators: string[];

  @ApiPropertyOptional({ type: InitialDetentionDto, description: 'Records a detain decision in the same transaction.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InitialDetentionDto)
  detention?: InitialDetentionDto;
}
