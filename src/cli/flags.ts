// The command line split into flags and values the way Node's util.parseArgs does when it is not
// strict (its tokens), without loading it: parseArgs and its validation cost ~0.7 ms of a start
// that is meant to be close to Node's own. test/cli/flags.test.ts checks the two agree on random
// command lines.

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export type FlagToken =
  | { kind: 'option'; name: string; rawName: string; value: string | undefined }
  | { kind: 'positional'; value: string }
  | { kind: 'option-terminator' };

/**
 * The tokens of `argv`: `--name`, `--name=value`, `-x` and groups `-xy` (split), a string flag
 * taking the next argument as its value whatever it looks like, `--` ending the flags.
 */
export function splitFlags(
  argv: readonly string[],
  specs: Readonly<Record<string, FlagSpec>>,
): FlagToken[] {
  const longFor = (short: string): string => {
    for (const name in specs)
      if (Object.hasOwn(specs, name) && specs[name].short === short) return name;
    return short;
  };
  const takesValue = (name: string): boolean =>
    Object.hasOwn(specs, name) && specs[name].type === 'string';
  const tokens: FlagToken[] = [];
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator' });
      for (const value of rest) tokens.push({ kind: 'positional', value });
      break;
    }
    if (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-') {
      const name = longFor(arg[1]);
      if (arg.length === 2) {
        // -x, with the next argument as its value if it takes one.
        const value = takesValue(name) && rest.length > 0 ? rest.shift() : undefined;
        tokens.push({ kind: 'option', name, rawName: arg, value });
      } else if (takesValue(name)) {
        // -xVALUE
        tokens.push({ kind: 'option', name, rawName: arg.slice(0, 2), value: arg.slice(2) });
      } else {
        // -xyz is -x -y -z; a flag that takes a value ends the group with the rest as its value.
        const expanded: string[] = [];
        for (let i = 1; i < arg.length; i++) {
          if (!takesValue(longFor(arg[i])) || i === arg.length - 1) expanded.push(`-${arg[i]}`);
          else {
            expanded.push(`-${arg.slice(i)}`);
            break;
          }
        }
        rest.unshift(...expanded);
      }
      continue;
    }
    if (arg.length > 2 && arg.startsWith('--')) {
      // A long flag with a value has an = after its first letter; the name ends at the first =
      // (`--==` is the flag "" with the value "=", as parseArgs reads it).
      if (!arg.includes('=', 3)) {
        const name = arg.slice(2);
        const value = takesValue(name) && rest.length > 0 ? rest.shift() : undefined;
        tokens.push({ kind: 'option', name, rawName: arg, value });
      } else {
        const equals = arg.indexOf('=');
        const name = arg.slice(2, equals);
        tokens.push({ kind: 'option', name, rawName: `--${name}`, value: arg.slice(equals + 1) });
      }
      continue;
    }
    tokens.push({ kind: 'positional', value: arg });
  }
  return tokens;
}
