import { runSubgraphMain } from '@sunlight/shared';
import { createCasesSubgraph } from './cases.subgraph';

void runSubgraphMain(createCasesSubgraph());
