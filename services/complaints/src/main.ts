import { runSubgraphMain } from '@sunlight/shared';
import { createComplaintsSubgraph } from './complaints.subgraph';

void runSubgraphMain(createComplaintsSubgraph());
