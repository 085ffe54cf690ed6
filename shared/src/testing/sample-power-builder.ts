/** A step of the sample flow: its number (from 1), its name and its time limit in working days. */
export interface SampleStep {
  stepNo: number;
  name: string;
  timeLimitDays: number;
}

/**
 * The sample power every service's test builders start from, whatever shape they build it in
 * (the powers service's input, the cases service's snapshot): code `T-001`, 20 statutory and 10
 * promised working days, and a flow of three steps (`第1步`…) of 2, 3 and 3 days. Each `with…`
 * changes one thing; subclasses add what their shape needs and build it.
 */
export abstract class SamplePowerBuilder<T> {
  protected code = 'T-001';
  protected statutoryDays = 20;
  protected promisedDays = 10;
  private stepDays = [2, 3, 3];

  withCode(code: string): this {
    this.code = code;
    return this;
  }

  withDays(statutoryDays: number, promisedDays: number): this {
    this.statutoryDays = statutoryDays;
    this.promisedDays = promisedDays;
    return this;
  }

  /** One step per time limit (working days), in order. */
  withFlow(...timeLimitDays: number[]): this {
    this.stepDays = timeLimitDays;
    return this;
  }

  /** The flow's steps, in order. */
  protected steps(): SampleStep[] {
    return this.stepDays.map((timeLimitDays, i) => ({ stepNo: i + 1, name: `第${i + 1}步`, timeLimitDays }));
  }

  abstract build(): T;
}
