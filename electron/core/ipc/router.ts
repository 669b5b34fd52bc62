/**
 * The one entry point for renderer requests, whichever host carried them.
 * The renderer is untrusted: the channel name and payload are checked against
 * the contract here, and a malformed request is refused before any handler runs.
 */
import { commands, isCommandName, type CommandName, type RequestOf, type ResponseOf } from '../../../shared/contract';
import { AppFailure, err, ok, type Result } from '../../../shared/errors';
import { failure } from '../../../shared/i18n/reason';

export type Handlers = {
  [N in CommandName]: (request: RequestOf<N>) => Promise<ResponseOf<N>> | ResponseOf<N>;
};

export interface Router {
  handle(name: unknown, payload: unknown): Promise<Result<unknown>>;
}

/** Keeps messages short and free of values: a rejected payload may hold anything. */
function describeIssues(issues: readonly { code?: string; path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      // zod names unknown keys in its message; those names come from the renderer, so they stay out.
      const message = issue.code === 'unrecognized_keys' ? 'unexpected field' : issue.message;
      const path = issue.path.slice(0, 4).map((p) => String(p).slice(0, 40)).join('.');
      return path ? `${path}: ${message}` : message;
    })
    .join('; ')
    .slice(0, 500);
}

type Issue = { code?: string; path: PropertyKey[]; message: string; origin?: string; maximum?: number | bigint };

/**
 * A refused request with a reason the window words in its own language: a text field over its
 * limit says which one and how long it may be (a user can hit that); anything else is a bug on
 * the renderer's side, and its technical detail stays in English.
 */
function refusal(command: string, issues: readonly Issue[]): AppFailure {
  const first = issues[0];
  if (first && first.code === 'too_big' && first.origin === 'string' && first.path.length === 1 && typeof first.path[0] === 'string') {
    return failure('INVALID_ARG', 'reason.fieldTooLong', { field: first.path[0].slice(0, 40), max: Number(first.maximum) });
  }
  return failure('INVALID_ARG', 'reason.invalidRequest', { command, detail: describeIssues(issues) });
}

export function createRouter(handlers: Handlers, onInternalError: (name: string, error: unknown) => void): Router {
  return {
    async handle(name, payload) {
      if (!isCommandName(name)) return err('INVALID_ARG', 'Unknown command.');
      const parsed = commands[name].request.safeParse(payload);
      if (!parsed.success) return { ok: false, error: refusal(name, parsed.error.issues).appError };
      try {
        const handler = handlers[name] as (request: unknown) => Promise<unknown> | unknown;
        return ok(await handler(parsed.data));
      } catch (error) {
        if (error instanceof AppFailure) return { ok: false, error: error.appError };
        onInternalError(name, error);
        return err('INTERNAL', 'Something went wrong in the mail core; the details are in the log.');
      }
    },
  };
}
