/**
 * Every dialog of the app is a native `<dialog>` shown with `showModal()`: the browser keeps the
 * focus inside it, makes the page behind it inert and turns Escape into a `cancel` event. The
 * component that shows the dialog decides whether it is there (it unmounts it), so Escape asks
 * that owner to close rather than closing the element itself; when the dialog goes, the focus
 * returns to the control that opened it.
 *
 * Use: `<dialog class="modal" aria-labelledby="…" use:modalDialog={{ onclose }}>…</dialog>`.
 */
import type { ActionReturn } from 'svelte/action';

export interface ModalDialogOptions {
  /** Asks the owner to close the dialog (Escape, or the browser closing it). */
  onclose: () => void;
}

export function modalDialog(node: HTMLDialogElement, options: ModalDialogOptions): ActionReturn<ModalDialogOptions> {
  let current = options;
  // The opener has the focus while the dialog mounts (the click that showed it).
  const opener = node.ownerDocument.activeElement;
  let asked = false;
  const close = () => {
    if (asked) return;
    asked = true;
    current.onclose();
  };
  const cancel = (event: Event) => {
    event.preventDefault();
    close();
  };
  node.addEventListener('cancel', cancel);
  // Chromium refuses a page's preventDefault on a second Escape without a click in between and
  // closes the element itself: its `close` then asks the owner too.
  node.addEventListener('close', close);
  if (!node.open) node.showModal();
  return {
    update(next) {
      current = next;
    },
    destroy() {
      node.removeEventListener('cancel', cancel);
      node.removeEventListener('close', close);
      if (node.open) node.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
  };
}
