// react-diff-viewer-continued highlights syntax with refractor only when given `highlightLanguage`,
// which this app never sets: vite.config.ts points refractor/core here to keep ~25 KB (gzip) out of
// the page. With nothing registered, the viewer falls back to plain text, as it does for any language
// it cannot load.
export const refractor = {
  registered: (): boolean => false,
  register: (): void => {},
  highlight: (): never => {
    throw new Error('syntax highlighting is not part of this build');
  },
};
