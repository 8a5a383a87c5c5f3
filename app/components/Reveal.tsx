import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface RevealProps {
  /** The words on the button that opens the form, e.g. "Registrera en händelse". */
  label: string;
  children: ReactNode;
  /** Open from the start (a form the user is in the middle of stays open). */
  initiallyOpen?: boolean;
}

/**
 * A form opened on demand: long pages show what there is first, and a button reveals each form.
 * Opening moves focus to the form's first field, so keyboard and screen-reader users land in it.
 */
export function Reveal({ label, children, initiallyOpen = false }: RevealProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const [opened, setOpened] = useState(false);
  const id = useId();
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!opened) return;
    region.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [opened]);
  return (
    <div className="reveal">
      <button
        type="button"
        className={open ? 'button button--quiet' : 'button button--secondary'}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setOpen(!open);
          setOpened(!open);
        }}
      >
        <span aria-hidden="true">{open ? '− ' : '+ '}</span>
        {label}
      </button>
      <div id={id} ref={region} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
