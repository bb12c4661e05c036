import { RELATION_LABELS, type Relation } from "@/components/evidence/types";
import { inputClass, labelClass } from "@/components/ui/styles";

type Props = {
  id: string;
  relation: Relation;
  note: string;
  disabled?: boolean;
  onRelation: (relation: Relation) => void;
  onNote: (note: string) => void;
};

/** How a cited passage bears on the claim (supports, contradicts, context) and the editor's note. */
export function RelationNoteFields({ id, relation, note, disabled = false, onRelation, onNote }: Props) {
  return (
    <>
      <fieldset disabled={disabled}>
        <legend className={labelClass}>Relation to the claim</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {(Object.keys(RELATION_LABELS) as Relation[]).map((r) => (
            <label key={r} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name={`${id}-relation`}
                value={r}
                checked={relation === r}
                onChange={() => onRelation(r)}
              />
              {RELATION_LABELS[r]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-note`} className={labelClass}>
          Note (optional)
        </label>
        <textarea
          id={`${id}-note`}
          value={note}
          onChange={(e) => onNote(e.target.value)}
          rows={2}
          maxLength={2000}
          disabled={disabled}
          className={`${inputClass} mt-1`}
        />
      </div>
    </>
  );
}
