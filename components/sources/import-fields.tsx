import { KIND_LABELS } from "@/components/sources/labels";
import { inputClass, labelClass } from "@/components/ui/styles";
import { SOURCE_KINDS } from "@/lib/schemas/sources";

type Props = { errors: Record<string, string>; title: string; onTitle: (title: string) => void };

function FieldError({ name, errors }: { name: string; errors: Record<string, string> }) {
  return errors[name] ? (
    <p id={`import-${name}-error`} className="mt-1 text-sm text-red-800">
      {errors[name]}
    </p>
  ) : null;
}

const described = (name: string, errors: Record<string, string>) => ({
  "aria-invalid": Boolean(errors[name]),
  "aria-describedby": errors[name] ? `import-${name}-error` : undefined,
});

/** The metadata of a source: what it is, where it comes from, and how far to trust it. */
export function ImportFields({ errors, title, onTitle }: Props) {
  const text = (name: string, label: string, type = "text") => (
    <div>
      <label htmlFor={`import-${name}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`import-${name}`}
        name={name}
        type={type}
        className={`${inputClass} mt-1`}
        {...described(name, errors)}
      />
      <FieldError name={name} errors={errors} />
    </div>
  );
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-lg font-semibold">About the document</legend>
      <div className="sm:col-span-2">
        <label htmlFor="import-title" className={labelClass}>
          Title (required)
        </label>
        <input
          id="import-title"
          name="title"
          required
          value={title}
          onChange={(e) => onTitle(e.target.value)}
          className={`${inputClass} mt-1`}
          {...described("title", errors)}
        />
        <FieldError name="title" errors={errors} />
      </div>
      <div>
        <label htmlFor="import-kind" className={labelClass}>
          Kind (required)
        </label>
        <select
          id="import-kind"
          name="kind"
          required
          defaultValue=""
          className={`${inputClass} mt-1`}
          {...described("kind", errors)}
        >
          <option value="" disabled>
            Choose…
          </option>
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <FieldError name="kind" errors={errors} />
      </div>
      {text("date", "Date", "date")}
      <div className="sm:col-span-2">
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="primary" value="true" />
          Primary source: the document itself, not a report about it
        </label>
      </div>
      {text("place", "Place")}
      {text("collection", "Collection or archive")}
      <div className="sm:col-span-2">{text("url", "URL", "url")}</div>
      <div>
        <label htmlFor="import-participants" className={labelClass}>
          Participants (one per line)
        </label>
        <textarea id="import-participants" name="participants" rows={3} className={`${inputClass} mt-1`} />
      </div>
      <div>
        <label htmlFor="import-reliabilityNote" className={labelClass}>
          Reliability note
        </label>
        <textarea
          id="import-reliabilityNote"
          name="reliabilityNote"
          rows={3}
          className={`${inputClass} mt-1`}
          aria-describedby="import-reliabilityNote-help"
        />
        <p id="import-reliabilityNote-help" className="mt-1 text-xs text-stone-600">
          Shown wherever this source is quoted, e.g. “not a verbatim transcript”.
        </p>
      </div>
    </fieldset>
  );
}
