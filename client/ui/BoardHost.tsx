import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MatchController } from './controller';

/**
 * Hosts the Phaser board. Phaser is imported on demand into its own chunk, so the lobby and the
 * panels never wait for it; the container takes the keyboard (arrows, +/−, 0, Esc) when focused.
 */
export function BoardHost({ ctrl, children }: { ctrl: MatchController; children?: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  const board = useRef<{ key(e: KeyboardEvent): boolean; destroy(): void; fit(): void } | null>(null);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    let dead = false;
    import('../scenes/createBoard').then(({ createBoard }) => {
      if (dead || !ref.current) return;
      board.current = createBoard(ref.current, ctrl);
    }).catch((e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
    return () => {
      dead = true;
      board.current?.destroy();
      board.current = null;
    };
  }, [ctrl]);
  return (
    <div class="board-wrap" data-tour="board">
      <div
        class="board" ref={ref} tabIndex={0} role="application"
        aria-label="The board. Arrow keys pan, plus and minus zoom, 0 fits. Regions can also be chosen from the panels."
        onKeyDown={(e) => {
          if (board.current?.key(e)) e.preventDefault();
        }}
      />
      {children}
      {!ctrl.boardReady && !err && <p class="board-loading muted">Drawing the board…</p>}
      {err && <p class="error board-error">The board could not start: {err}</p>}
      <div class="board-tools" role="toolbar" aria-label="Board view">
        <button class={ctrl.overlay === 'owners' ? 'on' : ''} aria-pressed={ctrl.overlay === 'owners'} onClick={() => ctrl.setOverlay('owners')}>Owners</button>
        <button class={ctrl.overlay === 'deterrence' ? 'on' : ''} aria-pressed={ctrl.overlay === 'deterrence'} onClick={() => ctrl.setOverlay('deterrence')} data-tour="deterrence">Deterrence</button>
        <button onClick={() => board.current?.fit()} aria-label="Fit the board to the screen">Fit</button>
      </div>
    </div>
  );
}
