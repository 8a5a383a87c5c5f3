import { useEffect, useRef, type RefObject } from 'react';

/**
 * After a failed submit, moves focus to the first field the server (or the form) marked invalid,
 * so a keyboard or screen-reader user lands on what to fix instead of staying at the button.
 * Give it the form's ref and the error (or any value that changes with each failed attempt).
 */
export function useFocusFirstError(error: unknown): RefObject<HTMLFormElement | null> {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!error || !ref.current) return;
    const first = ref.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [error]);
  return ref;
}
