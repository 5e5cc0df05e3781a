import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx } from '../auth/request-context.decorator.js';
import { ApiAuth, ApiPage, ApiProblems } from '../common/api-docs.js';
import type { Page } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { IdParam } from '../common/uuid.pipe.js';
import {
  AssignReviewDto,
  AutoAssignDto,
  AutoAssignResponse,
  CloseReviewDto,
  ConcludeReviewDto,
  ListReviewsQuery,
  RespondReviewDto,
  ReviewResponseDto,
  WithdrawReviewDto,
} from './dto.js';
import { ReviewsService } from './reviews.service.js';
import { Authorize } from '../auth/authorize.decorator.js';

@ApiTags('reviews')
@ApiAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiOperation({ summary: 'Reviews the caller may see (agencies: their own, once concluded)' })
  @ApiPage(ReviewResponseDto)
  @ApiProblems(422)
  list(@Ctx() ctx: RequestContext, @Query() query: ListReviewsQuery): Promise<Page<ReviewResponseDto>> {
    return this.reviews.list(ctx, query);
  }

  @Post('auto-assign')
  @Authorize('assign', 'Review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign pending reviews, balanced over reviewers without a conflict (commissioner)' })
  @ApiOkResponse({ type: AutoAssignResponse })
  @ApiProblems(403)
  autoAssign(@Ctx() ctx: RequestContext, @Body() body: AutoAssignDto): Promise<AutoAssignResponse> {
    return this.reviews.autoAssign(ctx, body.runId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One review' })
  @ApiOkResponse({ type: ReviewResponseDto })
  @ApiProblems(404)
  get(@Ctx() ctx: RequestContext, @IdParam('id') id: string): Promise<ReviewResponseDto> {
    return this.reviews.get(ctx, id);
  }

  @Post(':id/assign')
  @Authorize('assign', 'Review', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign to a reviewer (commissioner); never to one with a conflict' })
  @ApiOkResponse({ type: ReviewResponseDto })
  @ApiProblems(403, 404, 409, 422)
  assign(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() body: AssignReviewDto,
  ): Promise<ReviewResponseDto> {
    return this.reviews.assign(ctx, id, body.reviewerId);
  }

  @Post(':id/conclude')
  @Authorize('conclude', 'Review', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Conclude with a finding (commissioner, or the assigned reviewer without a conflict)' })
  @ApiOkResponse({ type: ReviewResponseDto })
  @ApiProblems(403, 404, 409, 422)
  conclude(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() body: ConcludeReviewDto,
  ): Promise<ReviewResponseDto> {
    return this.reviews.conclude(ctx, id, body.finding, body.rationale);
  }

  @Post(':id/respond')
  @Authorize('respond', 'Review', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The deciding agency’s response to a concern or disagreement (its supervisor, or a decision maker of a ' +
      'competent authority): accept closes the review, reject leaves it disputed',
  })
  @ApiOkResponse({ type: ReviewResponseDto })
  @ApiProblems(403, 404, 409, 422)
  respond(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() body: RespondReviewDto,
  ): Promise<ReviewResponseDto> {
    const sentAs = body.responseText === undefined && body.text !== undefined ? 'text' : 'responseText';
    return this.reviews.respond(ctx, id, body.response, (body.responseText ?? body.text)!, sentAs);
  }

  @Post(':id/withdraw')
  @Authorize('withdraw', 'Review', { param: 'id' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a review not yet concluded (commissioner)' })
  @ApiOkResponse({ type: ReviewResponseDto })
  @ApiProblems(403, 404, 409, 422)
  withdraw(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() body: WithdrawReviewDto,
  ): Promise<ReviewResponseDto> {
    return this.reviews.withdraw(ctx, id, body.reason);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a disputed review with a note of at least 20 characters (commissioner)' })
  @ApiOkResponse({ type: ReviewResponseDto })
  @ApiProblems(403, 404, 409, 422)
  close(
    @Ctx() ctx: RequestContext,
    @IdParam('id') id: string,
    @Body() body: CloseReviewDto,
  ): Promise<ReviewResponseDto> {
    return this.reviews.close(ctx, id, body.note);
  }
}
