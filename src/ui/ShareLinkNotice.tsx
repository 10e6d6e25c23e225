// Why the share link in the address bar was not opened, until the user dismisses it (or, for a link
// held back as a likely bomb, opens it all the same).
export function ShareLinkNotice({
  message,
  onDismiss,
  onOpenAnyway,
}: {
  message: string;
  onDismiss: () => void;
  onOpenAnyway: (() => void) | null;
}) {
  return (
    <p className="notice" role="alert" data-testid="link-problem">
      {message}{' '}
      {onOpenAnyway && (
        <button type="button" onClick={onOpenAnyway}>
          Open it anyway
        </button>
      )}{' '}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
}
