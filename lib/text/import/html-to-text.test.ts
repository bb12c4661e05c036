import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText, markdownToText } from "./html-to-text";
import { cleanPdfPages, lacksTextLayer } from "./pdf-text";

describe("htmlToText", () => {
  it("keeps the words and paragraphs of a transcript page, not its furniture", () => {
    const html = `<!doctype html><html><head><title>x</title><style>p{}</style></head><body><nav>Home | News</nav>
      <p>PRESIDENT PUTIN: (As translated.) Dear Mr.&nbsp;President,<br>welcome.</p><script>alert(1)</script>
      <p>PRESIDENT BUSH: Thank you &mdash; &#8220;truly&#x201D;.</p><footer>© 2008</footer></body></html>`;
    expect(htmlToText(html)).toBe(
      "PRESIDENT PUTIN: (As translated.) Dear Mr. President,\nwelcome.\n\nPRESIDENT BUSH: Thank you — “truly”.",
    );
  });

  it("survives hostile markup without throwing", () => {
    expect(decodeEntities("&#xD800; &#99999999; &bogus; &amp")).toBe("\ufffd \ufffd &bogus; &");
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(typeof htmlToText(s)).toBe("string");
      }),
    );
  });
});

describe("markdownToText", () => {
  it("drops heading marks, emphasis and link targets", () => {
    expect(markdownToText("# Remarks\n\n**PRESIDENT BUSH:** See [the memo](https://x.test) and *this*.")).toBe(
      "Remarks\n\nPRESIDENT BUSH: See the memo and this.",
    );
  });
});

describe("cleanPdfPages", () => {
  it("joins words hyphenated at line ends, drops soft hyphens and separates pages", () => {
    expect(cleanPdfPages(["Pakistan's nucle-\nar pro\u00adgram   \n", "", "Page two"])).toBe(
      "Pakistan's nuclear program\n\nPage two",
    );
  });

  it("tells a scan with no text layer from a document", () => {
    expect(lacksTextLayer(" \n 12 \n")).toBe(true);
    expect(lacksTextLayer("MEMORANDUM OF CONVERSATION")).toBe(false);
  });
});

describe("htmlToText with a real HTML parser (issue 9, defect 9)", () => {
  it("decodes named entities with their case, and the ones a short table lacks", () => {
    expect(htmlToText("<p>&Eacute;lys&eacute;e &AElig;sop 10&thinsp;000 &Ccedil;a</p>")).toBe(
      "Élysée Æsop 10\u2009000 Ça",
    );
  });

  it("keeps an article's own header (its headline) and drops the site's masthead", () => {
    const html = `<body><header><a href="/">The Daily Site</a></header><article><header><h1>Putin raised Pakistan</h1><p class="byline">By A. Reporter</p></header><p>The memcons show…</p></article></body>`;
    expect(htmlToText(html)).toBe("Putin raised Pakistan\n\nBy A. Reporter\n\nThe memcons show…");
  });

  it("reads broken markup the way a browser does", () => {
    expect(htmlToText("<p>one<p>two &lt;b&gt; <b>three</p><script>x<\/script>four")).toBe(
      "one\n\ntwo <b> three\n\nfour",
    );
    expect(htmlToText("<pre>line 1\n  line 2</pre>a\nb")).toBe("line 1\nline 2\n\na b");
  });

  it("survives nesting deeper than any call stack", () => {
    expect(htmlToText(`${"<div>".repeat(20_000)}deep${"</div>".repeat(20_000)}`)).toBe("deep");
  });
});
