import type { EntityManager } from 'typeorm';
import type { PowerContent } from './power-content';
import type { VersionState } from './power-status';

/** Reads and writes whole versions of a power (its row and all its items) inside a transaction. */
export const powerRepository = {
  async readContent(em: EntityManager, powerId: string, version: number): Promise<PowerContent> {
    const args = [powerId, version];
    const [v] = await em.query('SELECT * FROM power_version WHERE power_id = $1 AND version = $2', args);
    const flow = await em.query('SELECT * FROM flow_step WHERE power_id = $1 AND version = $2 ORDER BY step_no', args);
    const risks = await em.query(
      'SELECT * FROM risk_point WHERE power_id = $1 AND version = $2 ORDER BY level, id',
      args,
    );
    const effs = await em.query(
      'SELECT * FROM efficiency_point WHERE power_id = $1 AND version = $2 ORDER BY id',
      args,
    );
    const cps = await em.query(
      'SELECT * FROM checkpoint WHERE power_id = $1 AND version = $2 ORDER BY step_no, id',
      args,
    );
    return {
      name: v.name,
      category: v.category,
      legalBasis: v.legal_basis,
      departmentId: v.department_id,
      postId: v.post_id,
      conditions: v.conditions,
      fees: v.fees,
      statutoryDays: v.statutory_days,
      promisedDays: v.promised_days,
      supervisorDepartmentId: v.supervisor_department_id,
      principalLeader: v.principal_leader,
      flow: flow.map((s: Record<string, never>) => ({
        name: s['name'],
        postId: s['post_id'],
        timeLimitDays: s['time_limit_days'],
        description: s['description'],
      })),
      riskPoints: risks.map((r: Record<string, never>) => ({
        id: r['id'],
        stepNo: r['step_no'],
        level: r['level'],
        description: r['description'],
        measures: r['measures'],
      })),
      efficiencyPoints: effs.map((e: Record<string, never>) => ({
        id: e['id'],
        stepNo: e['step_no'],
        description: e['description'],
        timeLimitDays: e['time_limit_days'],
      })),
      checkpoints: cps.map((k: Record<string, never>) => ({
        id: k['id'],
        stepNo: k['step_no'],
        kind: k['kind'],
        params: k['params'],
        legalBasis: k['legal_basis'],
        description: k['description'],
      })),
    };
  },

  /** Deletes a DRAFT version's items and row so it can be written again in place. */
  async deleteVersion(em: EntityManager, powerId: string, version: number): Promise<void> {
    for (const table of ['flow_step', 'risk_point', 'efficiency_point', 'checkpoint', 'power_version']) {
      await em.query(`DELETE FROM ${table} WHERE power_id = $1 AND version = $2`, [powerId, version]);
    }
  },

  async writeVersion(
    em: EntityManager,
    powerId: string,
    version: number,
    state: VersionState,
    c: PowerContent,
    editedBy: string,
  ): Promise<void> {
    await em.query(
      `INSERT INTO power_version (power_id, version, state, name, category, legal_basis, department_id, post_id, conditions, fees,
         statutory_days, promised_days, supervisor_department_id, principal_leader, edited_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        powerId,
        version,
        state,
        c.name,
        c.category,
        c.legalBasis,
        c.departmentId,
        c.postId,
        c.conditions,
        c.fees,
        c.statutoryDays,
        c.promisedDays,
        c.supervisorDepartmentId,
        c.principalLeader,
        editedBy,
      ],
    );
    if (c.flow.length > 0) {
      await em.query(
        `INSERT INTO flow_step (power_id, version, step_no, name, post_id, time_limit_days, description)
         SELECT $1, $2, t.ord, t.name, t.post_id, t.days, t.description
           FROM unnest($3::text[], $4::uuid[], $5::int[], $6::text[]) WITH ORDINALITY AS t(name, post_id, days, description, ord)`,
        [
          powerId,
          version,
          c.flow.map((s) => s.name),
          c.flow.map((s) => s.postId),
          c.flow.map((s) => s.timeLimitDays),
          c.flow.map((s) => s.description),
        ],
      );
    }
    for (const r of c.riskPoints) {
      await em.query(
        'INSERT INTO risk_point (power_id, version, id, step_no, level, description, measures) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [powerId, version, r.id, r.stepNo, r.level, r.description, r.measures],
      );
    }
    for (const e of c.efficiencyPoints) {
      await em.query(
        'INSERT INTO efficiency_point (power_id, version, id, step_no, description, time_limit_days) VALUES ($1, $2, $3, $4, $5, $6)',
        [powerId, version, e.id, e.stepNo, e.description, e.timeLimitDays],
      );
    }
    for (const k of c.checkpoints) {
      await em.query(
        'INSERT INTO checkpoint (power_id, version, id, step_no, kind, params, legal_basis, description) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [powerId, version, k.id, k.stepNo, k.kind, JSON.stringify(k.params), k.legalBasis, k.description],
      );
    }
  },
};
