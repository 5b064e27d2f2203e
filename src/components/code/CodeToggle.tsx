// Reviewer mode's switch (in the step view's side column) and the place where the code pane appears.
// The pane and the engine sources it shows are a separate chunk, loaded when first opened.
import { useEffect, useRef } from 'react';
import { useCodeStore } from '../../state/stores/codeStore';
import { lazyPart } from '../boundary/ViewBoundary';
import './code.css';

const CodePane = lazyPart(() => import('./CodePane'), 'the kernel code pane', 'Loading the kernel code…');

export function CodeToggle() {
  const open = useCodeStore((s) => s.open);
  const setOpen = useCodeStore((s) => s.setOpen);
  return (
    <div className="code-toggle">
      <button type="button" aria-pressed={open} aria-controls="code-section" onClick={() => setOpen(!open)}>
        {open ? 'Hide kernel code' : 'Show kernel code (reviewer mode)'}
      </button>
    </div>
  );
}

export function CodeSection() {
  const open = useCodeStore((s) => s.open);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [open]);
  return (
    <div id="code-section" className="code-section" ref={ref}>
      {open && <CodePane />}
    </div>
  );
}
