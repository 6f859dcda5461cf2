/** One step of a path into a scenario document: an object key or an array index. */
export type PathStep = PropertyKey;

/** Keys that read well after a dot; ids (letters, digits, dashes) qualify. */
const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Formats a path the way a designer reads a JSON file: `regions[12].adjacency[3]`,
 * `states[0].units.north-sea`. The empty path is the document itself.
 */
export function formatPath(path: readonly PathStep[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (typeof step === 'string' && PLAIN_KEY.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(String(step))}]`;
  }
  return out === '' ? 'scenario' : out;
}

/** A fault message: the path, a colon, and a sentence. */
export function fault(path: readonly PathStep[], message: string): string {
  return `${formatPath(path)}: ${message}`;
}
