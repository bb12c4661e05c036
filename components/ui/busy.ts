import type { MouseEvent } from "react";

const ignore = (event: MouseEvent) => {
  event.preventDefault(); // no form submission
  event.stopPropagation(); // no onClick: the click never reaches the button
};

/**
 * Props for a button while its action runs. A disabled button drops the keyboard's focus to the
 * page, and a keyboard or screen-reader user starts again from "Skip to content"; a busy button
 * keeps the focus, says it is unavailable (aria-disabled, styled as disabled) and ignores clicks,
 * Enter and Space until the action ends. Spread it beside the button's own onClick.
 */
export function busyProps(busy: boolean) {
  return { "aria-disabled": busy || undefined, onClickCapture: busy ? ignore : undefined };
}
