// react-diff-viewer-continued imports js-yaml for its YAML and JSON comparison modes. This app compares
// lines of JSON that core printed, so those modes are never used: vite.config.ts points js-yaml here to
// keep ~14 KB (gzip) out of the page. Calling it says so instead of misbehaving.
function unavailable(): never {
  throw new Error('YAML comparison is not part of this build (the diff compares lines)');
}

export const load = unavailable;
export const dump = unavailable;
