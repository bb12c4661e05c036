import { describe, expect, it } from "vitest";

import { compareQuote } from "../quotes/quote-check";
import { searchForm } from "../search/search-normalise";
import { foldSpelling } from "./spelling";

const PAIRS: [string, string][] = [
  ["criticise", "criticize"],
  ["organisations", "organizations"],
  ["analysed", "analyzed"],
  ["colour", "color"],
  ["honourable", "honorable"],
  ["odour", "odor"],
  ["centre", "center"],
  ["theatre", "theater"],
  ["metres", "meters"],
  ["fibre", "fiber"],
  ["travelled", "traveled"],
  ["cancelling", "canceling"],
  ["catalogue", "catalog"],
  ["defence", "defense"],
  ["pretence", "pretense"],
];
const DIFFERENT: [string, string][] = [
  ["prise", "prize"],
  ["filled", "filed"],
  ["rogue", "rog"],
  ["acre", "acer"],
  ["genre", "gener"],
];

describe("one spelling-variant list for search and the quote check", () => {
  it.each(PAIRS)("%s and %s fold together in both", (british, american) => {
    expect(foldSpelling(british)).toBe(foldSpelling(american));
    expect(searchForm(`the ${british} here`)).toBe(searchForm(`the ${american} here`));
    const check = compareQuote(`we saw the ${british} there`, `Then we saw the ${american} there.`);
    expect(check.result).toBe("minor_differences");
    expect(check.differences).toEqual([{ kind: "replace", article: british, source: american, reason: "spelling" }]);
  });

  it.each(DIFFERENT)("%s and %s stay apart in both", (a, b) => {
    expect(foldSpelling(a)).not.toBe(foldSpelling(b));
    expect(searchForm(a)).not.toBe(searchForm(b));
    expect(compareQuote(`we saw the ${a} there`, `Then we saw the ${b} there.`).result).toBe("altered");
  });
});
