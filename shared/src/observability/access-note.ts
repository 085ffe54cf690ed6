/**
 * What a GraphQL request's access line says beyond what the HTTP handler sees itself, filled in
 * by {@link accessLogPlugin} (or a server's own fast path) while the request runs. Never personal
 * data: no variables, no query text, no names.
 */
export interface AccessNote {
  /** The operation's name, when it has a valid GraphQL name. */
  operation?: string;
  /** `query`, `mutation` or `subscription`, once the document was resolved. */
  type?: string;
  /** How many errors the answer carried. */
  errors: number;
  /** Their distinct `extensions.code`s (`ERROR` for one without a code), in order of appearance. */
  codes: string[];
  /** Caller's role and unit, from the request's context. */
  role?: string;
  unit?: string;
  /** Answered from a response cache without running the operation. */
  cached?: boolean;
}

// An own, enumerable symbol: Apollo Server runs each operation on a shallow copy of the context.
const NOTE = Symbol('sunlight.accessNote');

/** The access notes of the requests in flight, carried on their GraphQL context objects. */
export const accessNotes = {
  /** Ties `note` to a request's context, for the plugin to fill in. */
  attach(context: object, note: AccessNote): void {
    (context as { [NOTE]?: AccessNote })[NOTE] = note;
  },
  /** The note of the request whose context this is (or a copy of it); none for contexts built elsewhere. */
  of(context: object): AccessNote | undefined {
    return (context as { [NOTE]?: AccessNote })[NOTE];
  },
};

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** `name` if it is a GraphQL name (at most 100 characters): a client's free text is not logged. */
export function loggableOperationName(name: unknown): string | undefined {
  return typeof name === 'string' && GRAPHQL_NAME.test(name) ? name : undefined;
}

/** Records an answer's errors on `note`: their count and distinct codes. */
export function noteErrors(
  note: AccessNote,
  errors: readonly { extensions?: Record<string, unknown> | undefined }[] | undefined,
): void {
  note.errors = errors?.length ?? 0;
  note.codes = [...new Set((errors ?? []).map((e) => String(e.extensions?.['code'] ?? 'ERROR')))];
}
