-- Passage search (lib/services/search/search-sql.ts, docs/decisions/0006-search-tiers-and-trigrams.md).

-- 1. Exact phrases made only of stop words ("he and of an a as"). The english tsvector drops
-- stop words, and the trigram index could only offer every passage (their trigrams are in all
-- of them). This index holds every stop word of a passage's search_text and every run of two
-- and of three adjacent ones ("he", "he and", "he and of"), so such a phrase is looked up as the
-- AND of its word triples (or pairs, or its one word): a few passages, which the exact-phrase
-- check then confirms. The list is PostgreSQL's english.stop (the same 127 words in PostgreSQL
-- 15 and 18), so a word is here exactly when to_tsvector('english') leaves it out;
-- lib/text/search-phrase.ts (stopWordNgrams) is the same function for queries.
CREATE FUNCTION "search_stopword_ngrams"("search_text" TEXT) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  word TEXT;
  previous TEXT;
  before_previous TEXT;
  grams TEXT[] := '{}';
BEGIN
  FOREACH word IN ARRAY string_to_array("search_text", ' ') LOOP
    IF word = ANY('{i,me,my,myself,we,our,ours,ourselves,you,your,yours,yourself,yourselves,he,him,his,himself,she,her,hers,herself,it,its,itself,they,them,their,theirs,themselves,what,which,who,whom,this,that,these,those,am,is,are,was,were,be,been,being,have,has,had,having,do,does,did,doing,a,an,the,and,but,if,or,because,as,until,while,of,at,by,for,with,about,against,between,into,through,during,before,after,above,below,to,from,up,down,in,out,on,off,over,under,again,further,then,once,here,there,when,where,why,how,all,any,both,each,few,more,most,other,some,such,no,nor,not,only,own,same,so,than,too,very,s,t,can,will,just,don,should,now}'::TEXT[]) THEN
      grams := grams || word;
      IF previous IS NOT NULL THEN
        grams := grams || (previous || ' ' || word);
        IF before_previous IS NOT NULL THEN grams := grams || (before_previous || ' ' || previous || ' ' || word); END IF;
      END IF;
      before_previous := previous;
      previous := word;
    ELSE
      previous := NULL;
      before_previous := NULL;
    END IF;
  END LOOP;
  RETURN array_to_tsvector(grams);
END
$$;

CREATE INDEX "passages_stopword_ngrams_idx" ON "passages" USING GIN ("search_stopword_ngrams"("search_text"));

-- 2. The lexicon: every lexeme of every passage's tsvector, for the fuzzy tier to find the
-- OCR-damaged forms of a query's words ("good" → "go6d"), then the passages holding them through
-- passages_tsv_idx. search_lexeme_deletions holds each lexeme under itself and under every form
-- of it with one character deleted, so the lexemes within an edit or two of a word are found by
-- looking up the word's own deletion forms in a b-tree (symmetric deletion, as in SymSpell)
-- instead of computing an edit distance against every lexeme of the library;
-- lib/text/search-phrase.ts (deletionForms) builds the query's side. Kept by a statement
-- trigger; lexemes of deleted passages stay (they only cost rows). New lexemes are inserted in
-- sorted order, so two imports adding the same new words at once wait for each other instead
-- of deadlocking.
CREATE EXTENSION IF NOT EXISTS "fuzzystrmatch";

CREATE FUNCTION "search_lexeme_deletions"("lexeme" TEXT) RETURNS SETOF TEXT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT "lexeme" UNION SELECT overlay("lexeme" PLACING '' FROM i FOR 1) FROM generate_series(1, length("lexeme")) AS i
$$;

CREATE TABLE "search_lexemes" (
    "lexeme" TEXT NOT NULL,

    CONSTRAINT "search_lexemes_pkey" PRIMARY KEY ("lexeme")
);

CREATE TABLE "search_lexeme_deletions" (
    "deletion" TEXT NOT NULL,
    "lexeme" TEXT NOT NULL,

    CONSTRAINT "search_lexeme_deletions_pkey" PRIMARY KEY ("deletion", "lexeme")
);

ALTER TABLE "search_lexeme_deletions" ADD CONSTRAINT "search_lexeme_deletions_lexeme_fkey" FOREIGN KEY ("lexeme") REFERENCES "search_lexemes"("lexeme") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "search_lexemes" ("lexeme")
SELECT DISTINCT l FROM "passages", unnest(tsvector_to_array("tsv")) AS l ORDER BY 1;

INSERT INTO "search_lexeme_deletions" ("deletion", "lexeme")
SELECT d, "lexeme" FROM "search_lexemes", "search_lexeme_deletions"("lexeme") AS d;

CREATE FUNCTION "search_lexemes_add"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH "fresh" AS (
    INSERT INTO "search_lexemes" ("lexeme")
    SELECT l FROM (SELECT DISTINCT l FROM "new_passages", unnest(tsvector_to_array("new_passages"."tsv")) AS l) AS x
    WHERE NOT EXISTS (SELECT 1 FROM "search_lexemes" s WHERE s."lexeme" = x.l)
    ORDER BY 1
    ON CONFLICT DO NOTHING
    RETURNING "lexeme"
  )
  INSERT INTO "search_lexeme_deletions" ("deletion", "lexeme")
  SELECT d, "fresh"."lexeme" FROM "fresh", "search_lexeme_deletions"("fresh"."lexeme") AS d;
  RETURN NULL;
END
$$;

CREATE TRIGGER "passages_search_lexemes_insert" AFTER INSERT ON "passages"
REFERENCING NEW TABLE AS "new_passages" FOR EACH STATEMENT EXECUTE FUNCTION "search_lexemes_add"();
CREATE TRIGGER "passages_search_lexemes_update" AFTER UPDATE ON "passages"
REFERENCING NEW TABLE AS "new_passages" FOR EACH STATEMENT EXECUTE FUNCTION "search_lexemes_add"();

-- 3. The trigram index on search_text served only the stop-word phrases (badly: every passage
-- holds their trigrams); similarity is now checked on a bounded set of candidates found through
-- the tsvector, so the index would cost a quarter of the database and of every import for nothing.
DROP INDEX "passages_search_text_trgm_idx";
