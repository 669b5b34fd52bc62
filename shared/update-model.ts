/** An application update downloaded in the background, as the window is told about it. */
import { z } from 'zod';

export const UpdateStateSchema = z.object({
  /** ready: downloaded, waiting for the user; waiting: restart asked, held until no message is being sent; restarting: on its way. */
  phase: z.enum(['ready', 'waiting', 'restarting']),
  version: z.string().max(64),
  /** Messages being sent now: the restart waits for them. */
  sending: z.number().int().min(0),
});
export type UpdateState = z.infer<typeof UpdateStateSchema>;
