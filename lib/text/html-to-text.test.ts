import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText, markdownToText } from "./html-to-text";
import { cleanPdfPages, lacksTextLayer } from "./pdf-text";

describe("htmlToText", () => {
  it("keeps the words and paragraphs of a transcript page, not its furniture", () => {
    const html = `<!doctype html><html><head><title>x</title><style>p{}</style></head><body><nav>Home | News</nav>
      <p>PRESIDENT PUTIN: (As translated.) Dear Mr.&nbsp;President,<br>welcome.</p><script>alert(1)</script>
      <p>PRESIDENT BUSH: Thank you &mdash; &#8220;truly&#x201D;.</p><footer>© 2008</footer></body></html>`;
    expect(htmlToText(html)).toBe("PRESIDENT PUTIN: (As translated.) Dear Mr. President,\nwelcome.\n\nPRESIDENT BUSH: Thank you — “truly”.");
  });

  it("survives hostile markup without throwing", () => {
    expect(decodeEntities("&#xD800; &#99999999; &bogus; &amp")).toBe("\ufffd \ufffd &bogus; &");
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      expect(typeof htmlToText(s)).toBe("string");
    }));
  });
});

describe("markdownToText", () => {
  it("drops heading marks, emphasis and link targets", () => {
    expect(markdownToText("# Remarks\n\n**PRESIDENT BUSH:** See [the memo](https://x.test) and *this*.")).toBe("Remarks\n\nPRESIDENT BUSH: See the memo and this.");
  });
});

describe("cleanPdfPages", () => {
  it("joins words hyphenated at line ends, drops soft hyphens and separates pages", () => {
    expect(cleanPdfPages(["Pakistan's nucle-\nar pro\u00adgram   \n", "", "Page two"])).toBe("Pakistan's nuclear program\n\nPage two");
  });

  it("tells a scan with no text layer from a document", () => {
    expect(lacksTextLayer(" \n 12 \n")).toBe(true);
    expect(lacksTextLayer("MEMORANDUM OF CONVERSATION")).toBe(false);
  });
});
