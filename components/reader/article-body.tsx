import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import { articleExtensions } from "@/lib/editor/extensions";

// Server-rendered from the stored ProseMirror JSON through React elements: user text is
// escaped by React, never injected as HTML.
export function ArticleBody({ body }: { body: unknown }) {
  return (
    <div className="prose-article space-y-4 font-serif text-lg leading-relaxed">
      {renderToReactElement({ content: body as never, extensions: articleExtensions() })}
    </div>
  );
}
