import { AppError, type FieldProblem } from './app-error';
import { ErrorKind } from './error-kind';
import { PlatformErrorCode } from './platform-error';

/**
 * Collects field problems while an input is checked, then throws them all at once as a single
 * `VALIDATION_FAILED` error whose `field` is the first problem and `problems` lists every one.
 */
export class Validation {
  private readonly problems: FieldProblem[] = [];

  add(field: string, message: string): this {
    this.problems.push({ field, message });
    return this;
  }

  /** Adds a problem unless `ok` holds. */
  check(ok: boolean, field: string, message: string): this {
    return ok ? this : this.add(field, message);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    const first = this.problems[0];
    if (!first) return;
    const message =
      this.problems.length === 1
        ? `${first.field}: ${first.message}`
        : `共 ${this.problems.length} 项输入有误，首项 ${first.field}: ${first.message}`;
    throw new AppError(PlatformErrorCode.VALIDATION_FAILED, ErrorKind.BAD_INPUT, message, first.field, [
      ...this.problems,
    ]);
  }
}
