import { useEffect, useState } from 'preact/hooks';
import { store } from '../net/storage';

/** A short guided first match: a card per step that points at the part of the page it explains. */

interface Step {
  target: string;
  title: string;
  text: string;
}

export const TOUR: Step[] = [
  { target: 'board', title: 'The board', text: 'Regions are hexagons (land), circles (sea) and diamonds (straits). Owners show by color, two letters and a pattern; chips count units. Drag to pan, wheel or pinch to zoom; hover or tap a region for its details.' },
  { target: 'phase', title: 'A round is a year', text: 'Briefing, diplomacy, orders, then a crisis if an ally is attacked, then resolution. The countdown shows the time left in this phase.' },
  { target: 'deterrence', title: 'Deterrence', text: 'Switch to the deterrence overlay to see, per region, expected defense against the strongest attack a neighbour could bring. Below 1 (vermillion), an attack could succeed.' },
  { target: 'tab-diplomacy', title: 'Diplomacy', text: 'Message other states, propose treaties (each form says what it obliges), answer proposals and votes. Treaties start when diplomacy ends.' },
  { target: 'tab-orders', title: 'Orders', text: 'Split your budget with three linked sliders and read the engine’s preview. Click one of your regions, then a neighbour, to move, attack or support. Orders are saved as you make them.' },
  { target: 'tab-state', title: 'Credibility and burden', text: 'Credibility, public support, each pact’s cohesion and who carries the defense burden.' },
  { target: 'ready', title: 'Ready', text: 'When you are done with a phase, press Ready. The phase ends early once everyone is ready; otherwise at the end of the countdown.' },
  { target: 'help', title: 'Help', text: 'The full rules are here whenever you need them. Good luck!' },
];

export function Tour({ onClose }: { onClose: () => void }) {
  const [i, setI] = useState(0);
  const [box, setBox] = useState<DOMRect | null>(null);
  const step = TOUR[i]!;
  useEffect(() => {
    const el = document.querySelector(`[data-tour="${step.target}"]`);
    setBox(el ? el.getBoundingClientRect() : null);
    (document.querySelector('.tour-card button.primary') as HTMLElement | null)?.focus();
  }, [i]);
  const done = () => {
    store.setTourDone();
    onClose();
  };
  const w = 340;
  let left = box ? box.left + box.width / 2 - w / 2 : innerWidth / 2 - w / 2;
  let top = box ? box.bottom + 12 : innerHeight / 2 - 100;
  if (box && top > innerHeight - 220) top = Math.max(12, box.top - 220);
  if (box && box.height > innerHeight * 0.5) top = box.top + 60;
  left = Math.max(12, Math.min(innerWidth - w - 12, left));
  return (
    <div class="tour" role="dialog" aria-modal="false" aria-labelledby="tour-title">
      {box && <div class="tour-ring" style={{ left: `${box.left - 4}px`, top: `${box.top - 4}px`, width: `${box.width + 8}px`, height: `${box.height + 8}px` }} />}
      <div class="tour-card" style={{ left: `${left}px`, top: `${top}px`, width: `${w}px` }}>
        <div class="muted small">Step {i + 1} of {TOUR.length}</div>
        <h2 id="tour-title">{step.title}</h2>
        <p>{step.text}</p>
        <div class="row gap end">
          <button class="ghost" onClick={done}>Skip the tour</button>
          {i > 0 && <button onClick={() => setI(i - 1)}>Back</button>}
          <button class="primary" onClick={() => (i + 1 < TOUR.length ? setI(i + 1) : done())}>{i + 1 < TOUR.length ? 'Next' : 'Start playing'}</button>
        </div>
      </div>
    </div>
  );
}
