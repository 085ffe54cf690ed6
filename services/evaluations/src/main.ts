import { runSubgraphMain } from '@sunlight/shared';
import { createEvaluationsSubgraph } from './evaluations.subgraph';

void runSubgraphMain(createEvaluationsSubgraph());
