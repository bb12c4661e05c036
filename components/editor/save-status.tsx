import type { SaveStatus } from "@/components/editor/use-article-sync";
import { secondaryButtonClass } from "@/components/ui/styles";

const TEXT: Record<SaveStatus, string> = {
  saved: "All changes saved",
  unsaved: "Unsaved changes…",
  saving: "Saving…",
  failed: "Not saved",
  conflict: "Not saved: conflict",
};

export function SaveStatusBadge({
  status,
  error,
  onRetry,
}: {
  status: SaveStatus;
  error: string | null;
  onRetry: () => void;
}) {
  const tone =
    status === "failed" || status === "conflict"
      ? "text-red-800"
      : status === "saved"
        ? "text-green-800"
        : "text-stone-700";
  return (
    <div className="flex items-center gap-2 text-sm">
      <span
        role="status"
        aria-live="polite"
        data-testid="save-status"
        data-status={status}
        className={`font-medium ${tone}`}
      >
        {TEXT[status]}
      </span>
      {status === "failed" && (
        <>
          <span className="text-red-800">{error}</span>
          <button type="button" className={secondaryButtonClass} onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </div>
  );
}
