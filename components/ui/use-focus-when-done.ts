import { useEffect, useRef } from "react";

/**
 * When a step is done and the button that did it is gone or disabled, moves the keyboard's focus
 * to the sentence saying so, unless the user has moved on meanwhile (focus is neither on the page
 * itself nor inside `box`). Give `box` to the component's outer element and `sentence` to the
 * sentence (with tabIndex -1); `done` is the value that changes when a step succeeds.
 */
export function useFocusWhenDone<Box extends HTMLElement, Sentence extends HTMLElement>(done: unknown) {
  const box = useRef<Box>(null);
  const sentence = useRef<Sentence>(null);
  useEffect(() => {
    const at = document.activeElement;
    if (done && (at === document.body || box.current?.contains(at))) sentence.current?.focus();
  }, [done]);
  return { box, sentence };
}
