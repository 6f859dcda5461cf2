import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Scenario } from '../../shared/scenario/schema';
import { stateStyles } from '../display/palette';

/** Small shared pieces: a state's badge (color, pattern cue and initials, never color alone), dialogs. */

export function StateBadge({ scenario, id, full = true }: { scenario: Scenario; id: string; full?: boolean }) {
  const st = stateStyles(scenario).get(id);
  if (!st) return <span>{id}</span>;
  return (
    <span class="state-badge">
      <span class={`chip pat-${st.pattern}`} style={{ background: st.color, color: st.ink }} aria-hidden="true">{st.initials}</span>
      {full && <span class="state-name">{st.name}</span>}
    </span>
  );
}

export function Modal({ title, children, onClose, wide = false, labelledBy }: { title: string; children: ComponentChildren; onClose?: () => void; wide?: boolean; labelledBy?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && onClose) onClose();
    };
    addEventListener('keydown', onKey);
    return () => {
      removeEventListener('keydown', onKey);
      prev?.focus?.();
    };
  }, []);
  const id = labelledBy ?? `modal-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div class="modal-backdrop">
      <div class={`modal ${wide ? 'wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={id} ref={ref}>
        <div class="modal-head">
          <h2 id={id}>{title}</h2>
          {onClose && <button class="icon" onClick={onClose} aria-label="Close">✕</button>}
        </div>
        <div class="modal-body">{children}</div>
      </div>
    </div>
  );
}

export function Confirm({ title, children, confirmLabel, danger = false, onConfirm, onCancel }: {
  title: string; children: ComponentChildren; confirmLabel: string; danger?: boolean; onConfirm: () => void; onCancel: () => void;
}) {
  return (
    <Modal title={title} onClose={onCancel}>
      {children}
      <div class="row end gap">
        <button onClick={onCancel}>Cancel</button>
        <button class={danger ? 'danger' : 'primary'} onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </Modal>
  );
}

/** Saved / saving / refused, for anything sent to the server. */
export function SaveState({ status, message }: { status: 'pending' | 'saved' | 'refused' | null; message?: string | null }) {
  if (status === null) return null;
  if (status === 'pending') return <span class="save pending" role="status">Saving…</span>;
  if (status === 'saved') return <span class="save saved" role="status">✓ Saved</span>;
  return <span class="save refused" role="alert">✗ {message ?? 'Refused'}</span>;
}
