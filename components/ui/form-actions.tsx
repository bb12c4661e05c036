import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

/** The end of a small form: what went wrong (announced), then Save and Cancel. */
export function FormActions({
  error,
  pending,
  saveLabel,
  onCancel,
}: {
  error: string | null;
  pending: boolean;
  saveLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} {...busyProps(pending)}>
          {pending ? "Saving…" : saveLabel}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
