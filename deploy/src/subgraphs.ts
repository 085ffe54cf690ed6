import type { SubgraphDefinition } from '@sunlight/shared';
import { createAlertsSubgraph } from '@sunlight/alerts';
import { createCasesSubgraph } from '@sunlight/cases';
import { createComplaintsSubgraph } from '@sunlight/complaints';
import { createEvaluationsSubgraph } from '@sunlight/evaluations';
import { powersSubgraph } from '@sunlight/powers';

/** One line per subgraph: its definition, its default port and its process entry point. */
export interface SubgraphEntry {
   
  definition: SubgraphDefinition<any>;
  port: number;
  /** Compiled entry point, relative to the repository root. */
  main: string;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  { definition: powersSubgraph, port: 4001, main: 'services/powers/dist/main.js' },
  { definition: createCasesSubgraph(), port: 4002, main: 'services/cases/dist/main.js' },
  { definition: createEvaluationsSubgraph(), port: 4003, main: 'services/evaluations/dist/main.js' },
  { definition: createComplaintsSubgraph(), port: 4004, main: 'services/complaints/dist/main.js' },
  { definition: createAlertsSubgraph(), port: 4005, main: 'services/alerts/dist/main.js' },
];
