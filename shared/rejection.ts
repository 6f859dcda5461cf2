/**
 * A refused command: a namespaced code for programs and a sentence for the player.
 * "Invalid" (malformed) and "illegal" (understood but not allowed) are both refusals; neither changes state.
 */
export interface Rejection {
  ok: false;
  code: string;
  message: string;
}

export function reject(code: string, message: string): Rejection {
  return { ok: false, code, message };
}
