/** Key of an unordered pair of states in records such as interoperability: "a|b" with a < b. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
