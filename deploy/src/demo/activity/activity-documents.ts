/** The GraphQL operations the simulator sends: the public API, as a person's client would use it. */
export const DOCUMENTS = {
  fileCase: `mutation($input: FileCaseInput!, $key: String!) {
    fileCase(input: $input, idempotencyKey: $key) { queryCode case { id number status currentStep } }
  }`,
  advanceCase: `mutation($input: AdvanceCaseInput!, $key: String!) {
    advanceCase(input: $input, idempotencyKey: $key) { id status currentStep }
  }`,
  completeCase: `mutation($input: CompleteCaseInput!, $key: String!) {
    completeCase(input: $input, idempotencyKey: $key) { id status currentStep }
  }`,
  returnCase: `mutation($input: ReturnCaseInput!, $key: String!) {
    returnCase(input: $input, idempotencyKey: $key) { id status currentStep }
  }`,
  suspendCase: `mutation($input: SuspendCaseInput!, $key: String!) {
    suspendCase(input: $input, idempotencyKey: $key) { id status currentStep }
  }`,
  resumeCase: `mutation($caseId: ID!, $key: String!) {
    resumeCase(caseId: $caseId, idempotencyKey: $key) { id status currentStep }
  }`,
  rateCase: `mutation($input: RateCaseInput!, $key: String!) {
    rateCase(input: $input, idempotencyKey: $key) { id score }
  }`,
  fileComplaint: `mutation($input: FileComplaintInput!, $key: String!) {
    fileComplaint(input: $input, idempotencyKey: $key) { number followUpCode }
  }`,
  demoCity: `query($code: ID!) { unit(code: $code) { code name } }`,
} as const;

/** What the case mutations answer. */
export interface CaseState {
  id: string;
  status: string;
  currentStep: number;
}
