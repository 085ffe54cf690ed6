import { complaintTexts } from '../../generate/complaint-texts';
import { mobileNumber, personName } from '../../generate/person-names';
import type { Random } from '../../generate/random';
import { DOCUMENTS } from './activity-documents';
import type { ApiCaller } from './api-caller';
import type { CityDirectory } from './city-directory';
import type { SimCase } from './sim-case';

/** A finished stage of a case its applicant may rate, with the case's public keys. */
export interface RatableStage {
  caseNumber: string;
  queryCode: string;
  stepNo: number;
}

/** A rating the simulator's citizens gave, or a complaint they filed (for its tests and operator). */
export type CitizenRecord =
  | { kind: 'rating'; caseNumber: string; stepNo: number; score: number }
  | { kind: 'complaint'; number: string; followUpCode: string; unit: string; anonymous: boolean };

const TAGS_GOOD = ['ATTITUDE', 'EFFICIENCY', 'FAIRNESS', 'TRANSPARENCY', 'ENVIRONMENT'];
const TAGS_BAD = ['ATTITUDE', 'EFFICIENCY', 'ASKED_FOR_FAVOURS'];
const COMMENTS_GOOD = ['办事效率高，工作人员很耐心', '一次就办好了，非常方便', '流程清楚，材料一次告知'];
const COMMENTS_BAD = ['等了很久没人答复', '窗口人员态度生硬', '材料反复要求补正，跑了好几趟'];

/**
 * What the public does, without an account: rates a finished stage of their case with its number
 * and query code (mostly satisfied, now and then not), and files an occasional complaint, named or
 * anonymous, about a unit, its leadership or a department.
 */
export class CitizenActions {
  constructor(
    private readonly api: ApiCaller,
    private readonly directory: CityDirectory,
    private readonly random: Random,
  ) {}

  async rate(stage: RatableStage): Promise<CitizenRecord | null> {
    const r = this.random;
    const score = [5, 5, 5, 5, 4, 4, 4, 3, 2, 1][r.int(0, 9)]!;
    const good = score >= 4;
    const tags = r.chance(0.5) ? r.sample(good ? TAGS_GOOD : TAGS_BAD, r.int(1, 2)) : [];
    const comment = r.chance(0.3) ? r.pick(good ? COMMENTS_GOOD : COMMENTS_BAD) : undefined;
    const input = { ...stage, score, tags, ...(comment ? { comment } : {}) };
    const answer = await this.api.act('rateCase', DOCUMENTS.rateCase, { input }, null, {
      case: stage.caseNumber,
      step: stage.stepNo,
      score,
    });
    return answer?.ok ? { kind: 'rating', caseNumber: stage.caseNumber, stepNo: stage.stepNo, score } : null;
  }

  /** Files a complaint about a unit below the city; about `late`'s unit and case when given. */
  async complain(late: SimCase | undefined): Promise<CitizenRecord | null> {
    const r = this.random;
    const units = this.directory.demo.units.filter((u) => u.parentCode !== null);
    const unit = late ? this.directory.demo.units.find((u) => u.code === late.unit) : r.pick(units);
    if (!unit) return null;
    const category = late ? 'SLOW_ACTION' : complaintTexts.category(r, false);
    const departmentId = this.directory.departmentOf(unit.code, r);
    const kind = r.chance(0.1) ? 'LEADERSHIP' : departmentId && r.chance(0.55) ? 'DEPARTMENT' : 'UNIT';
    const anonymous = r.chance(0.4);
    const input = {
      channel: complaintTexts.channel(r),
      category,
      accused: { kind, unitCode: unit.code, ...(kind === 'DEPARTMENT' ? { departmentId } : {}) },
      ...(late ? { caseId: late.id } : {}),
      description: complaintTexts.description(category, this.directory.placeOf(unit.code), r),
      ...(anonymous ? {} : { complainant: { name: personName(r), phone: mobileNumber(r) } }),
    };
    const answer = await this.api.act<{ fileComplaint: { number: string; followUpCode: string } }>(
      'fileComplaint',
      DOCUMENTS.fileComplaint,
      { input },
      null,
      { unit: unit.code, category, anonymous },
    );
    if (!answer?.ok) return null;
    const { number, followUpCode } = answer.data.fileComplaint;
    return { kind: 'complaint', number, followUpCode, unit: unit.code, anonymous };
  }
}
