import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../common/pagination.js';
import { Trimmed } from '../common/validation.js';
import { PLACE_KINDS, type PlaceKind } from './domain/place.js';
import { Omittable, Text } from '../common/validators.js';

export class CreatePlaceDto {
  @ApiProperty({ format: 'uuid', description: 'The agency that runs the place.' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({ example: 'Northern District holding room' })
  @Trimmed()
  @Text(2, 200)
  name: string;

  @ApiProperty({ enum: PLACE_KINDS })
  @IsIn(PLACE_KINDS)
  kind: PlaceKind;

  @ApiProperty({ example: 'North' })
  @Trimmed()
  @Text(1, 100)
  region: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, description: 'How many people it can hold.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({ default: true, description: 'Only the office (admin, commissioner) may set it.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdatePlaceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the office (admin, commissioner) may change it.' })
  @Omittable()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional()
  @Omittable()
  @Trimmed()
  @Text(2, 200)
  name?: string;

  @ApiPropertyOptional({ enum: PLACE_KINDS })
  @Omittable()
  @IsIn(PLACE_KINDS)
  kind?: PlaceKind;

  @ApiPropertyOptional()
  @Omittable()
  @Trimmed()
  @Text(1, 100)
  region?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, nullable: true, type: Number, description: 'null clears it.' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @ApiPropertyOptional({
    description: 'Only the office may change it; a place with people detained there now cannot be deactivated (409).',
  })
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

export class ListPlacesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class PlaceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLACE_KINDS }) kind: PlaceKind;
  @ApiProperty() region: string;
  @ApiProperty({ nullable: true, type: Number }) capacity: number | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
