import { useEffect, useState } from 'preact/hooks';
import { api } from '../net/api';
import { Modal } from './common';
import { renderMarkdown } from './markdown';

/** The rules document (assets/help/rules.md, served at /help/rules.md), rendered as HTML. */

const FALLBACK = `# How to play Entente

Each round is a year: **briefing** (events), **diplomacy** (talk and sign treaties), **orders**
(budget and forces, secret and simultaneous), a **crisis** when an ally is attacked, then
**resolution**.

- **Budget**: split output between defense (new units, upkeep), domestic (public support) and investment (growth, technology).
- **Force orders**: click one of your regions with units, then a neighbouring region: move, attack or support.
- **Deterrence index**: expected defense of a region against the strongest attack a neighbour could bring. Below 1, an attack could succeed.
- **Credibility**: rises when you honor obligations and meet your pact's guideline; falls when you abstain, withdraw without notice or attack a partner.
- **Ready**: press it when you are done; the phase ends early when everyone is ready.
`;

let cache: Promise<string> | null = null;
function loadRules(): Promise<string> {
  cache ??= api.rules().then((t) => t ?? FALLBACK).catch(() => FALLBACK);
  return cache;
}

export function HelpPanel({ onClose, onTour }: { onClose: () => void; onTour?: () => void }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    void loadRules().then((md) => setHtml(renderMarkdown(md)));
  }, []);
  return (
    <Modal title="Rules and help" onClose={onClose} wide>
      {onTour && <p><button onClick={() => { onClose(); onTour(); }}>Show the guided tour again</button></p>}
      <div class="keys muted small">
        Board keys: arrows or WASD pan · + and − zoom · 0 fits the board · Esc clears the selection. Drag to pan, wheel or pinch to zoom.
      </div>
      {html === null ? <p class="muted">Loading the rules…</p> : (
        <article
          class="rules" dangerouslySetInnerHTML={{ __html: html }}
          onClick={(e) => {
            // In-page links scroll inside the panel: the page's hash is the match route, not an anchor.
            const a = (e.target as HTMLElement).closest('a');
            const href = a?.getAttribute('href') ?? '';
            if (!href.startsWith('#')) return;
            e.preventDefault();
            (e.currentTarget as HTMLElement).querySelector(`[id="${CSS.escape(href.slice(1))}"]`)?.scrollIntoView({ behavior: 'smooth' });
          }}
        />
      )}
    </Modal>
  );
}

export function HelpButton({ onTour }: { onTour?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button class="help-btn" onClick={() => setOpen(true)} aria-haspopup="dialog" data-tour="help">? Rules</button>
      {open && <HelpPanel onClose={() => setOpen(false)} onTour={onTour} />}
    </>
  );
}
