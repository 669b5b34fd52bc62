/**
 * The one entry point for renderer requests, whichever host carried them.
 * The renderer is untrusted: the channel name and payload are checked against
 * the contract here, and a malformed request is refused before any handler runs.
 */
import { commands, isCommandName, type CommandName, type RequestOf, type ResponseOf } from '../../../shared/contract';
import { AppFailure, err, ok, type Result } from '../../../shared/errors';

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

export function createRouter(handlers: Handlers, onInternalError: (name: string, error: unknown) => void): Router {
  return {
    async handle(name, payload) {
      if (!isCommandName(name)) return err('INVALID_ARG', 'Unknown command.');
      const parsed = commands[name].request.safeParse(payload);
      if (!parsed.success) return err('INVALID_ARG', `Invalid request for ${name}: ${describeIssues(parsed.error.issues)}`);
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
