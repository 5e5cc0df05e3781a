import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiProblems } from '../common/api-docs.js';
import type { RequestContext } from '../common/request-context.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardResponse } from './dto.js';

@ApiTags('dashboard')
@ApiAuth()
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('dashboard')
  @ApiOperation({
    summary: 'What needs attention now, counted over what the caller may read (one round trip)',
    description:
      "Open alerts by severity; people detained past the screening or detention limit; reviews awaiting a conclusion or the agency's response; recommendations awaiting a response or past their target date; visits due (the office only). Every count goes through the caller's own read rules, so it never counts a row the caller's lists would not show.",
  })
  @ApiOkResponse({ type: DashboardResponse })
  @ApiProblems()
  show(@Ctx() ctx: RequestContext): Promise<DashboardResponse> {
    return this.dashboard.dashboard(ctx);
  }
}
