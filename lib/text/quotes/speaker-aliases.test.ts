import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { guessSpeaker } from "../segmentation/speaker";
import { speakerAliases } from "./speaker-aliases";

const article = readFileSync(new URL("../../../prisma/demo/corpus/seed-article.txt", import.meta.url), "utf8");

describe("speakerAliases", () => {
  it("learns titles from the seed article", () => {
    const aliases = speakerAliases(article);
    expect(aliases["Russian President"]).toBe("Vladimir Putin");
    expect(aliases["Pakistani President"]).toBe("Pervez Musharraf");
  });

  it("lets guessSpeaker name Putin for the Pakistan quote", () => {
    const quote = "I am concerned about Pakistan.";
    const start = article.indexOf(quote);
    expect(guessSpeaker(article, start, start + quote.length, { aliases: speakerAliases(article) })).toBe(
      "Vladimir Putin",
    );
  });

  it("ignores titles with no full name after them", () => {
    expect(speakerAliases("The President said so. President Bush agreed.")).toEqual({});
  });
});
