import { useEffect, useRef, useState } from 'preact/hooks';
import type { Treaty } from '../../shared/state';
import { MULTILATERAL_KINDS, treatyParties } from '../../shared/treaties/parties';
import { channelsFor } from '../display/channels';
import { termsSummary, treatyObliges, treatyTitle } from '../display/format';
import { stateName } from '../display/palette';
import { store } from '../net/storage';
import { Confirm, StateBadge } from './common';
import type { MatchController } from './controller';
import { TreatyForm } from './TreatyForm';

/** Diplomacy: proposals to answer, channels with unread counts, treaties, votes, withdrawal and declarations. */

function Proposals({ ctrl }: { ctrl: MatchController }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const me = ctrl.me;
  const list = Object.values(view.treaties).filter((t) => t.status === 'proposed' || t.status === 'accepted');
  if (list.length === 0) return null;
  return (
    <section class="block proposals" aria-labelledby="h-prop">
      <h3 id="h-prop">Proposals</h3>
      <ul class="plain">
        {list.map((t) => {
          const parties = treatyParties(t.terms);
          const mine = me !== null && parties.includes(me);
          const waiting = parties.filter((p) => !t.accepted.includes(p));
          return (
            <li key={t.id} class="proposal">
              <div><strong>{termsSummary(scenario, t.terms)}</strong></div>
              <div class="muted small">Proposed by {stateName(scenario, t.proposer)}. {t.status === 'accepted' ? 'Every party accepted: in force when diplomacy ends.' : `Waiting for ${waiting.map((p) => stateName(scenario, p)).join(', ')}.`}</div>
              <details><summary class="small">What it obliges</summary><p class="small">{treatyObliges(t.terms.kind, scenario.coefficients)}</p></details>
              {mine && t.status === 'proposed' && !t.accepted.includes(me) && view.phase === 'diplomacy' && (
                <div class="row gap">
                  <button class="primary" onClick={() => ctrl.send({ type: 'respond', treaty: t.id, accept: true })}>Accept</button>
                  <button onClick={() => ctrl.send({ type: 'respond', treaty: t.id, accept: false })}>Reject</button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Chat({ ctrl }: { ctrl: MatchController }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const [lastRead, setLastRead] = useState(() => store.lastRead(ctrl.matchId));
  const [channel, setChannel] = useState('public');
  const [text, setText] = useState('');
  const [declare, setDeclare] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const channels = channelsFor(scenario, view, lastRead);
  const current = channels.find((c) => c.id === channel) ?? channels[0];
  const newest = current?.messages[current.messages.length - 1]?.at ?? 0;
  useEffect(() => {
    if (!current) return;
    if ((lastRead[current.id] ?? 0) < newest) {
      const next = { ...lastRead, [current.id]: newest };
      setLastRead(next);
      store.setLastRead(ctrl.matchId, next);
    }
    listRef.current?.scrollTo?.({ top: listRef.current.scrollHeight });
  }, [current?.id, newest]);
  if (view.settings.press === 'none') return <section class="block"><h3>Messages</h3><p class="muted">This is a no-press match: no messages or declarations. Treaties can still be proposed and answered.</p></section>;
  if (!current) return null;
  const send = (e: Event) => {
    e.preventDefault();
    const t = text.trim();
    if (!t) return;
    if (declare) ctrl.send({ type: 'declare', text: t.slice(0, 280) });
    else ctrl.send({ type: 'message', channel: current.id, text: t });
    setText('');
  };
  const canDeclare = !!ctrl.me && ['briefing', 'diplomacy', 'orders', 'crisis'].includes(view.phase);
  return (
    <section class="block chat" aria-labelledby="h-chat" data-tour="chat">
      <h3 id="h-chat">Messages</h3>
      {view.settings.press === 'public' && <p class="muted small">Public press: only the public channel is open in this match.</p>}
      <div class="channels" role="tablist" aria-label="Channels">
        {channels.map((c) => (
          <button key={c.id} role="tab" aria-selected={c.id === current.id} class={`channel ${c.id === current.id ? 'on' : ''}`} onClick={() => setChannel(c.id)}>
            {c.kind === 'pair' ? '✉ ' : c.kind === 'treaty' ? '⚑ ' : '# '}{c.label}
            {c.unread > 0 && c.id !== current.id && <span class="badge" aria-label={`${c.unread} unread`}>{c.unread}</span>}
          </button>
        ))}
      </div>
      <ol class="messages" ref={listRef} aria-live="polite" aria-label={`Messages in ${current.label}`}>
        {current.messages.length === 0 && <li class="muted small">No messages yet.</li>}
        {current.messages.map((m) => (
          <li key={m.id} class={`msg msg-${m.kind} ${m.from === ctrl.me ? 'mine' : ''}`}>
            <span class="msg-from">{m.from === 'facilitator' ? 'Facilitator' : <StateBadge scenario={scenario} id={m.from} />}{m.kind === 'declaration' ? ' declares' : ''}</span>
            <span class="msg-text">{m.text}</span>
          </li>
        ))}
      </ol>
      {current.writable && (
        <form class="row gap compose" onSubmit={send}>
          <label class="sr-only" for="msg-input">Message</label>
          <input id="msg-input" class="grow" value={text} maxLength={declare ? 280 : 1000} placeholder={declare ? 'A public declaration, for the record…' : `Message to ${current.label}`} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" disabled={!text.trim()}>{declare ? 'Declare' : 'Send'}</button>
        </form>
      )}
      {canDeclare && current.id === 'public' && (
        <label class="check small"><input type="checkbox" checked={declare} onChange={(e) => setDeclare(e.currentTarget.checked)} /> <span>Send as a public declaration (recorded in the round report)</span></label>
      )}
    </section>
  );
}

function Withdraw({ ctrl, t, onClose }: { ctrl: MatchController; t: Treaty; onClose: () => void }) {
  const scenario = ctrl.scenario!;
  const c = scenario.coefficients;
  const [mode, setMode] = useState<'notice' | 'immediate'>('notice');
  const cred = ctrl.view!.nations[ctrl.me!]!.credibility;
  const cost = mode === 'notice' ? c.credWithdrawNotice : c.credWithdrawImmediate;
  return (
    <Confirm title={`Leave: ${treatyTitle(scenario, t.terms)}`} confirmLabel={mode === 'notice' ? 'Give notice' : 'Leave now (breach)'} danger={mode === 'immediate'}
      onCancel={onClose} onConfirm={() => { ctrl.send({ type: 'withdraw', treaty: t.id, mode }); onClose(); }}>
      <div role="radiogroup" aria-label="How to leave">
        <label class="check"><input type="radio" name="wd" checked={mode === 'notice'} onChange={() => setMode('notice')} />
          <span><strong>With notice</strong>: you stay bound through round {ctrl.view!.round + 1}, then leave. Credibility −{c.credWithdrawNotice}.</span></label>
        <label class="check"><input type="radio" name="wd" checked={mode === 'immediate'} onChange={() => setMode('immediate')} />
          <span><strong>At once</strong>: a breach. Credibility −{c.credWithdrawImmediate}{t.terms.kind === 'defense-pact' ? `, and the pact’s cohesion −${c.cohesionBreach}` : ''}.</span></label>
      </div>
      <p class="cost">Your credibility would go from {cred.toFixed(0)} to <strong>{Math.max(0, cred - cost).toFixed(0)}</strong>. Everyone will see it.</p>
    </Confirm>
  );
}

function VoteRow({ ctrl, voteId }: { ctrl: MatchController; voteId: string }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const v = view.votes[voteId]!;
  const me = ctrl.me;
  const mayVote = me !== null && v.status === 'open' && v.voters.includes(me) && v.ballots[me] === undefined && view.phase === 'diplomacy';
  const what = v.kind === 'guideline' ? `change the guideline to ${v.guideline}%` : v.kind === 'admit' ? `admit ${stateName(scenario, v.subject)}` : `expel ${stateName(scenario, v.subject)}`;
  const yes = Object.values(v.ballots).filter(Boolean).length;
  const no = Object.values(v.ballots).length - yes;
  return (
    <li class="vote">
      <div>Vote to <strong>{what}</strong> <span class="muted small">({yes} yes, {no} no of {v.voters.length}; {v.status})</span></div>
      {mayVote && (
        <div class="row gap">
          <button class="primary small" onClick={() => ctrl.send({ type: 'castVote', vote: v.id, yes: true })}>Vote yes</button>
          <button class="small" onClick={() => ctrl.send({ type: 'castVote', vote: v.id, yes: false })}>Vote no</button>
        </div>
      )}
    </li>
  );
}

function CallVote({ ctrl, t }: { ctrl: MatchController; t: Treaty }) {
  const scenario = ctrl.scenario!;
  const members = treatyParties(t.terms);
  const outsiders = scenario.states.filter((s) => !members.includes(s.id) && !(t.terms.kind === 'sanctions' && t.terms.target === s.id));
  const [kind, setKind] = useState<'admit' | 'guideline' | 'expel'>('admit');
  const [subject, setSubject] = useState(outsiders[0]?.id ?? '');
  const [guideline, setGuideline] = useState(t.terms.kind === 'defense-pact' ? Math.round(t.terms.guideline * 100) : 20);
  const others = members.filter((m) => m !== ctrl.me);
  const send = () => {
    if (kind === 'admit') ctrl.send({ type: 'proposeVote', treaty: t.id, vote: { kind, candidate: subject } });
    else if (kind === 'guideline') ctrl.send({ type: 'proposeVote', treaty: t.id, vote: { kind, guideline } });
    else ctrl.send({ type: 'proposeVote', treaty: t.id, vote: { kind, member: subject } });
  };
  return (
    <div class="row gap wrap call-vote">
      <select aria-label="Kind of vote" value={kind} onChange={(e) => { const k = e.currentTarget.value as typeof kind; setKind(k); setSubject(k === 'expel' ? others[0] ?? '' : outsiders[0]?.id ?? ''); }}>
        <option value="admit">Admit a state (unanimous)</option>
        {t.terms.kind === 'defense-pact' && <option value="guideline">Change the guideline (majority)</option>}
        {t.terms.kind === 'defense-pact' && t.strained && <option value="expel">Expel a member (two thirds)</option>}
      </select>
      {kind === 'admit' && <select aria-label="Candidate" value={subject} onChange={(e) => setSubject(e.currentTarget.value)}>{outsiders.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>}
      {kind === 'expel' && <select aria-label="Member" value={subject} onChange={(e) => setSubject(e.currentTarget.value)}>{others.map((s) => <option key={s} value={s}>{stateName(scenario, s)}</option>)}</select>}
      {kind === 'guideline' && <label class="row gap"><input type="number" min={0} max={100} value={guideline} onInput={(e) => setGuideline(Math.max(0, Math.min(100, Math.floor(Number(e.currentTarget.value) || 0))))} class="units-input" />%</label>}
      <button class="small" disabled={(kind !== 'guideline' && !subject)} onClick={send}>Call the vote</button>
    </div>
  );
}

function Treaties({ ctrl }: { ctrl: MatchController }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const me = ctrl.me;
  const [leaving, setLeaving] = useState<Treaty | null>(null);
  const active = Object.values(view.treaties).filter((t) => t.status === 'active').sort((a, b) => (a.id < b.id ? -1 : 1));
  const mine = active.filter((t) => me !== null && treatyParties(t.terms).includes(me));
  const rest = active.filter((t) => !mine.includes(t));
  const votes = Object.values(view.votes).filter((v) => v.status === 'open' || v.round === view.round);
  const inDiplomacy = view.phase === 'diplomacy';
  const row = (t: Treaty, own: boolean) => (
    <li key={t.id} class="treaty">
      <div class="row between">
        <strong>{treatyTitle(scenario, t.terms)}</strong>
        {t.cohesion !== null && <span class={`pill ${t.strained ? 'bad' : ''}`} title="Cohesion of the pact">cohesion {t.cohesion.toFixed(0)}{t.strained ? ' · strained' : ''}</span>}
      </div>
      <div class="muted small">{termsSummary(scenario, t.terms)}</div>
      {Object.entries(t.notices).map(([s, r]) => <div key={s} class="small warn">{stateName(scenario, s)} gave notice: leaves after round {r}.</div>)}
      <details><summary class="small">What it obliges</summary><p class="small">{treatyObliges(t.terms.kind, scenario.coefficients)}</p></details>
      {own && inDiplomacy && (
        <div class="row gap wrap">
          {MULTILATERAL_KINDS.includes(t.terms.kind) && <CallVote ctrl={ctrl} t={t} />}
          {t.notices[me!] === undefined && <button class="small danger-ghost" onClick={() => setLeaving(t)}>Withdraw…</button>}
        </div>
      )}
    </li>
  );
  return (
    <section class="block" aria-labelledby="h-treaties" data-tour="treaties">
      <h3 id="h-treaties">Treaties in force</h3>
      {votes.length > 0 && <ul class="plain votes">{votes.map((v) => <VoteRow key={v.id} ctrl={ctrl} voteId={v.id} />)}</ul>}
      {mine.length > 0 && <><h4>Yours</h4><ul class="plain">{mine.map((t) => row(t, true))}</ul></>}
      {rest.length > 0 && <><h4>Others</h4><ul class="plain">{rest.map((t) => row(t, false))}</ul></>}
      {active.length === 0 && <p class="muted">No treaty is in force.</p>}
      {leaving && <Withdraw ctrl={ctrl} t={leaving} onClose={() => setLeaving(null)} />}
    </section>
  );
}

export function DiplomacyPanel({ ctrl }: { ctrl: MatchController }) {
  const [proposing, setProposing] = useState(false);
  const view = ctrl.view!;
  const canPropose = !!ctrl.me && view.phase === 'diplomacy';
  return (
    <div class="diplomacy-panel">
      <Proposals ctrl={ctrl} />
      {canPropose && (proposing ? (
        <section class="block"><h3>Propose a treaty</h3><TreatyForm ctrl={ctrl} onDone={() => setProposing(false)} /></section>
      ) : (
        <button class="primary wide" onClick={() => setProposing(true)} data-tour="propose">Propose a treaty…</button>
      ))}
      {!canPropose && ctrl.me && view.phase !== 'diplomacy' && <p class="note">Treaties are proposed and answered in the diplomacy phase.</p>}
      <Chat ctrl={ctrl} />
      <Treaties ctrl={ctrl} />
    </div>
  );
}
