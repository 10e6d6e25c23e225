// Types for chromium.mjs, which runs in plain Node before the TypeScript tooling.
export const DEFAULT_CHROMIUM: string;

export interface Machine {
  /** CHROMIUM_PATH when set. */
  chromiumPath: string | undefined;
  exists(path: string): boolean;
  isRoot(): boolean;
  hasAptGet(): boolean;
  /** Runs apt-get; returns its exit status. */
  install(): number;
  log(line: string): void;
}

export function ensureChromium(system: Machine): { ok: true } | { ok: false; line: string };

export const thisMachine: Machine;
