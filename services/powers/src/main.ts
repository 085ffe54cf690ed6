import { runSubgraphMain } from '@sunlight/shared';
import { powersSubgraph } from './powers.subgraph';

void runSubgraphMain(powersSubgraph);
