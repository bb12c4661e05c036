-- Nobody approves a verdict they had a hand in. The claim kept only the last person to judge it
-- (verdict_by_id), so when someone else later touched the rationale, the one who chose the
-- verdict could approve it. judged_by_ids keeps everyone who set the verdict, wrote the rationale
-- or confirmed them since the last approval; an approval empties it.
ALTER TABLE "claims" ADD COLUMN "judged_by_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Claims judged before this migration: their last judge, as reviewRefusal already knew them.
UPDATE "claims" SET "judged_by_ids" = ARRAY["verdict_by_id"]
WHERE "verdict_by_id" IS NOT NULL AND "state" <> 'approved';
