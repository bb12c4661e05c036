-- An approval now freezes each evidence note too (readers see it beside the cited words); a note
-- changed after approval makes the claim stale. Approvals frozen before hold no notes: here each
-- one takes the note its evidence has now, so from now on a change to it is reviewed. (A note
-- changed between an approval and this migration cannot be told apart; it is taken as approved.)
UPDATE "claims" AS c
SET "approved_snapshot" = jsonb_set(
  c."approved_snapshot",
  '{evidence}',
  (
    SELECT COALESCE(
      jsonb_agg(
        CASE WHEN e."id" IS NULL THEN x.item ELSE x.item || jsonb_build_object('note', e."note") END
        ORDER BY x.ord
      ),
      '[]'::jsonb
    )
    FROM jsonb_array_elements(c."approved_snapshot" -> 'evidence') WITH ORDINALITY AS x(item, ord)
    LEFT JOIN "evidence" AS e ON e."id" = x.item ->> 'id'
  )
)
WHERE jsonb_typeof(c."approved_snapshot" -> 'evidence') = 'array';
