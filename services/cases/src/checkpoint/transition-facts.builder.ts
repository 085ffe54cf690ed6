import type { CaseAmounts } from './case-amounts';
import type { TransitionFacts } from './transition-facts';

/** Builds the facts of one transition for checkpoint specs: `aTransition().leaving(3).paying(100).build()`. */
export function aTransition(): TransitionFactsBuilder {
  return new TransitionFactsBuilder();
}

class TransitionFactsBuilder {
  private stepNo = 1;
  private attachmentNames: string[] = [];
  private amounts: CaseAmounts = {};
  private contractChange: number | null = null;
  private payment: number | null = null;
  private readonly finished = new Map<number, number>();

  leaving(stepNo: number): this {
    this.stepNo = stepNo;
    return this;
  }

  withAttachments(...names: string[]): this {
    this.attachmentNames.push(...names);
    return this;
  }

  withAmounts(amounts: CaseAmounts): this {
    this.amounts = { ...this.amounts, ...amounts };
    return this;
  }

  /** A contract change in this transition; `changeTotal` must be set separately (it includes this one). */
  changingContractBy(change: number): this {
    this.contractChange = change;
    return this;
  }

  /** A payment in this transition; `paidTotal` must be set separately (it includes this one). */
  paying(payment: number): this {
    this.payment = payment;
    return this;
  }

  /** Step `stepNo` was finished `workingDaysAgo` working days ago; unlisted steps are unfinished. */
  withStepFinished(stepNo: number, workingDaysAgo: number): this {
    this.finished.set(stepNo, workingDaysAgo);
    return this;
  }

  build(): TransitionFacts {
    const finished = new Map(this.finished);
    return {
      stepNo: this.stepNo,
      attachmentNames: [...this.attachmentNames],
      amounts: { ...this.amounts },
      contractChange: this.contractChange,
      payment: this.payment,
      workingDaysSince: (stepNo) => finished.get(stepNo) ?? null,
    };
  }
}
