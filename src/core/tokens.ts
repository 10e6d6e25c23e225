// Action names split into words, the unit of the trie (docs/refinement.md): GetBucketPolicy ->
// Get|Bucket|Policy, GetBucketCORS -> Get|Bucket|CORS, DescribeDBInstances -> Describe|DB|Instances.

// In order: capitals that end where a capitalised word starts (DB in DBInstances); a word with an
// optional capital and its digits; an all-capital run with its digits; digits alone; any other character.
const TOKEN = /[A-Z]+(?=[A-Z][a-z])|[A-Z]*[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+|[^A-Za-z0-9]/g;

export function tokenize(name: string): string[] {
  return name.match(TOKEN) ?? [];
}

/** Each proper and whole token prefix of a name, as lengths: GetObjectAcl -> [3, 9, 12]. */
export function tokenBoundaries(name: string): number[] {
  // Indexed loops, here and in the trie's building: a CLI run builds a service's trie before the JIT
  // has compiled anything, and the interpreter's for-of allocates at every step.
  const tokens = tokenize(name);
  const ends: number[] = [];
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    at += tokens[i].length;
    ends.push(at);
  }
  return ends;
}
