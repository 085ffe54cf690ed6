import { rollupTrends, type ContextInput, type RollupTrends, type SubgraphContext } from '@sunlight/shared';
import type { ComplaintsConfig } from './complaints-config';
import { ComplaintFilingService } from './complaint/complaint-filing.service';
import { ComplaintFollowUpService } from './complaint/complaint-follow-up.service';
import { ComplaintHandlingService } from './complaint/complaint-handling.service';
import { ComplaintQueryService } from './complaint/complaint-query.service';
import { NoticeService } from './notice/notice.service';
import { createComplaintStatsLoader } from './stats/complaint-stats';
import { COMPLAINT_MEASURES, type ComplaintMeasure } from './stats/complaint-trend.type';

/** Per-request context of the complaints subgraph. */
export interface ComplaintsContext extends SubgraphContext {
  filing: ComplaintFilingService;
  followUp: ComplaintFollowUpService;
  handling: ComplaintHandlingService;
  complaints: ComplaintQueryService;
  notices: NoticeService;
  complaintStats: ReturnType<typeof createComplaintStatsLoader>;
  /** Monthly rollup of complaints (one statement per request for any number of units). */
  trends: RollupTrends<ComplaintMeasure>;
}

export function complaintsContextFactory(config: ComplaintsConfig) {
  return ({ principal, requestId, dataSource }: ContextInput): ComplaintsContext => ({
    principal,
    requestId,
    filing: new ComplaintFilingService(dataSource, config),
    followUp: new ComplaintFollowUpService(dataSource, config),
    handling: new ComplaintHandlingService(dataSource, config),
    complaints: new ComplaintQueryService(dataSource),
    notices: new NoticeService(dataSource, config),
    complaintStats: createComplaintStatsLoader(dataSource, config, principal),
    trends: rollupTrends(dataSource, 'complaint_month_stat', COMPLAINT_MEASURES, config.now),
  });
}
