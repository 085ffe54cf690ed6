import { subtreeTrends, type ContextInput, type RollupTrends, type SubgraphContext } from '@sunlight/shared';
import type { ComplaintsConfig } from './complaints-config';
import { ComplaintFilingService } from './complaint/complaint-filing.service';
import { ComplaintFollowUpService } from './complaint/complaint-follow-up.service';
import { ComplaintHandlingService } from './complaint/complaint-handling.service';
import { ComplaintQueryService } from './complaint/complaint-query.service';
import { NoticeService } from './notice/notice.service';
import type { ComplaintMonthSums } from './stats/complaint-month-sums';
import { createComplaintStatsLoader, type ComplaintStatsLoader } from './stats/complaint-stats.loader';
import { COMPLAINT_MEASURES, type ComplaintMeasure } from './stats/complaint-trend.type';
import { ComplaintCheckpointService } from './transparency/complaint-checkpoint.service';

/** Per-request context of the complaints subgraph. */
export interface ComplaintsContext extends SubgraphContext {
  filing: ComplaintFilingService;
  followUp: ComplaintFollowUpService;
  handling: ComplaintHandlingService;
  complaints: ComplaintQueryService;
  notices: NoticeService;
  complaintStats: ComplaintStatsLoader;
  /** Monthly complaint trends, from the service's in-memory subtree sums. */
  trends: RollupTrends<ComplaintMeasure>;
  /** The signed checkpoints of the complaint trace log. */
  checkpoints: ComplaintCheckpointService;
}

export function complaintsContextFactory(config: ComplaintsConfig, sums: ComplaintMonthSums) {
  return ({ principal, requestId, dataSource }: ContextInput): ComplaintsContext => ({
    principal,
    requestId,
    filing: new ComplaintFilingService(dataSource, config),
    followUp: new ComplaintFollowUpService(dataSource, config),
    handling: new ComplaintHandlingService(dataSource, config),
    complaints: new ComplaintQueryService(dataSource),
    notices: new NoticeService(dataSource, config),
    complaintStats: createComplaintStatsLoader(dataSource, config, principal),
    trends: subtreeTrends(sums, COMPLAINT_MEASURES, config.now),
    checkpoints: new ComplaintCheckpointService(dataSource, config),
  });
}
