import type { Answer } from './gateway-client';

/** A checkpoint of a power's step as the catalog shows it to staff. */
export interface CatalogCheckpoint {
  stepNo: number;
  kind: string;
  params: Record<string, unknown>;
}

/** A published power as the simulator reads it through the API (as the unit's leader). */
export interface ActivePower {
  id: string;
  unitCode: string;
  name: string;
  category: string;
  department: { id: string; code: string };
  /** Each step with the department its post belongs to (the power's own when the step has no post). */
  flow: { stepNo: number; name: string; departmentId: string }[];
  checkpoints: CatalogCheckpoint[];
}

export const CATALOG_QUERY = `query($unit: ID!, $after: String) {
  powers(unit: $unit, first: 50, after: $after, filter: { status: PUBLISHED }) {
    edges { node { id unitCode name category department { id code } flow { stepNo name post { departmentId } } checkpoints { stepNo kind params } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** One page of the catalog query's answer. */
export interface CatalogPage {
  powers: {
    edges: {
      node: Omit<ActivePower, 'flow' | 'department'> & {
        department: { id: string; code: string } | null;
        flow: { stepNo: number; name: string; post: { departmentId: string } | null }[];
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/**
 * Reads the published powers of `unit` itself (the query returns its subtree), page by page;
 * `fetchPage` sends one page's request. Returns the codes of the first refusal instead, if any.
 */
export async function readUnitCatalog(
  unit: string,
  fetchPage: (variables: Record<string, unknown>) => Promise<Answer<CatalogPage>>,
): Promise<Answer<ActivePower[]>> {
  const powers: ActivePower[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage({ unit, after });
    if (!page.ok) return page;
    for (const { node } of page.data.powers.edges) {
      if (node.unitCode !== unit || !node.department || node.flow.length === 0) continue;
      const department = node.department;
      powers.push({
        ...node,
        department,
        flow: [...node.flow]
          .sort((a, b) => a.stepNo - b.stepNo)
          .map((s) => ({ stepNo: s.stepNo, name: s.name, departmentId: s.post?.departmentId ?? department.id })),
      });
    }
    const { hasNextPage, endCursor } = page.data.powers.pageInfo;
    if (!hasNextPage || !endCursor) return { ok: true, data: powers };
    after = endCursor;
  }
}
