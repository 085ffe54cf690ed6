import { runSubgraphMain } from '@sunlight/shared';
import { createAlertsSubgraph } from './alerts.subgraph';

void runSubgraphMain(createAlertsSubgraph());
