import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyResponse, CreateApiKeyDto, IssuedApiKeyResponse } from './dto.js';
import { Authorize } from '../auth/authorize.decorator.js';

@ApiTags('administration')
@ApiAuth()
@Controller('agencies/:agencyId/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @Authorize('create', 'ApiKey', { param: 'agencyId', subject: 'Agency' })
  @ApiOperation({
    summary: 'Issue an API key for the agency’s own system (that agency’s supervisor); the key is shown once',
  })
  @ApiCreatedResponse({ type: IssuedApiKeyResponse })
  @ApiProblems(403, 404, 422)
  issue(
    @Ctx() ctx: RequestContext,
    @IdParam('agencyId') agencyId: string,
    @Body() body: CreateApiKeyDto,
  ): Promise<IssuedApiKeyResponse> {
    return this.keys.issue(ctx, agencyId, body);
  }

  @Get()
  @ApiOperation({ summary: 'An agency’s API keys (without secrets)' })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  @ApiProblems(404)
  list(@Ctx() ctx: RequestContext, @IdParam('agencyId') agencyId: string): Promise<ApiKeyResponse[]> {
    return this.keys.list(ctx, agencyId);
  }

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key (admin, or that agency’s supervisor)' })
  @ApiNoContentResponse()
  @ApiProblems(403, 404)
  revoke(
    @Ctx() ctx: RequestContext,
    @IdParam('agencyId') agencyId: string,
    @IdParam('keyId') keyId: string,
  ): Promise<void> {
    return this.keys.revoke(ctx, agencyId, keyId);
  }
}
