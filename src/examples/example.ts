/** A worked example: shared by the examples menu, the tests and the README. */
export interface Example {
  id: string;
  title: string;
  /** One sentence: what it shows about the rules. */
  teaches: string;
  policy: string;
  unused: string;
  /** Read the unused editor as the actions that were used. */
  used?: boolean;
  /** Actions or patterns never to remove (the keep list). */
  keep?: string;
}
