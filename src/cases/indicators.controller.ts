import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../common/api-docs.js';
import { INDICATORS } from './domain/indicators.js';
import { IndicatorResponse } from './dto/case.response.js';

@ApiTags('cases')
@ApiAuth()
@Controller('indicators')
export class IndicatorsController {
  @Get()
  @ApiOperation({ summary: 'The catalogue of trafficking indicators (ILO/UNODC)' })
  @ApiOkResponse({ type: [IndicatorResponse] })
  list(): IndicatorResponse[] {
    return INDICATORS.map((i) => ({ ...i }));
  }
}
