import { useState } from 'preact/hooks';
import type { TreatyKind, TreatyTerms } from '../../shared/treaties/terms';
import { TREATY_KINDS } from '../../shared/treaties/parties';
import { termsSummary, treatyObliges, TREATY_NAMES } from '../display/format';
import { stateName } from '../display/palette';
import type { MatchController } from './controller';

/** A form for each treaty kind of GAME.md §5 that says, before proposing, what the treaty obliges. */

const DIRECTED = new Set<TreatyKind>(['guarantee', 'basing']);
const PAIR_ONLY = new Set<TreatyKind>(['trade', 'non-aggression']);
const NAMED = new Set<TreatyKind>(['defense-pact', 'forum']);

export function TreatyForm({ ctrl, onDone }: { ctrl: MatchController; onDone: () => void }) {
  const scenario = ctrl.scenario!;
  const me = ctrl.me!;
  const others = scenario.states.filter((s) => s.id !== me);
  const [kind, setKind] = useState<TreatyKind>('defense-pact');
  const [members, setMembers] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [guideline, setGuideline] = useState(20);
  const [other, setOther] = useState(others[0]?.id ?? '');
  const [meFirst, setMeFirst] = useState(true);
  const [target, setTarget] = useState(others[others.length - 1]?.id ?? '');
  const [busy, setBusy] = useState(false);

  const terms = ((): TreatyTerms | null => {
    const all = [me, ...members.filter((m) => m !== me)];
    switch (kind) {
      case 'defense-pact': return members.length >= 1 && name.trim() ? { kind, name: name.trim(), members: all, guideline: guideline / 100 } : null;
      case 'forum': return members.length >= 1 && name.trim() ? { kind, name: name.trim(), members: all } : null;
      case 'guarantee': return other ? (meFirst ? { kind, guarantor: me, protected: other } : { kind, guarantor: other, protected: me }) : null;
      case 'basing': return other ? (meFirst ? { kind, host: me, guest: other } : { kind, host: other, guest: me }) : null;
      case 'trade': case 'non-aggression': return other ? { kind, members: [me, other] } : null;
      case 'sanctions': return target ? { kind, members: all.filter((m) => m !== target), target } : null;
      case 'intelligence': case 'technology': return members.length >= 1 ? { kind, members: all } : null;
    }
  })();

  const submit = async () => {
    if (!terms) return;
    setBusy(true);
    const t = ctrl.send({ type: 'propose', terms });
    setBusy(false);
    if (t) onDone();
  };

  const memberPicker = (exclude: string | null = null) => (
    <fieldset class="members">
      <legend>With</legend>
      {others.filter((s) => s.id !== exclude).map((s) => (
        <label key={s.id} class="check inline">
          <input type="checkbox" checked={members.includes(s.id)} onChange={(e) => setMembers((m) => (e.currentTarget.checked ? [...m, s.id] : m.filter((x) => x !== s.id)))} />
          <span>{s.name}</span>
        </label>
      ))}
    </fieldset>
  );

  return (
    <div class="treaty-form" role="form" aria-label="Propose a treaty">
      <label class="field">
        <span>Kind of treaty</span>
        <select aria-label="Kind of treaty" value={kind} onChange={(e) => setKind(e.currentTarget.value as TreatyKind)}>
          {TREATY_KINDS.map((k) => <option key={k} value={k}>{TREATY_NAMES[k]}</option>)}
        </select>
      </label>
      <p class="obliges"><strong>What it obliges:</strong> {treatyObliges(kind, scenario.coefficients)}</p>
      {NAMED.has(kind) && (
        <label class="field"><span>Name</span><input value={name} maxLength={60} placeholder={kind === 'forum' ? 'e.g. Harbour Forum' : 'e.g. Northern League'} onInput={(e) => setName(e.currentTarget.value)} /></label>
      )}
      {kind === 'defense-pact' && (
        <label class="field"><span>Spending guideline: {guideline}% of output on defense</span>
          <input type="range" min={0} max={50} value={guideline} onInput={(e) => setGuideline(Number(e.currentTarget.value))} />
        </label>
      )}
      {(DIRECTED.has(kind) || PAIR_ONLY.has(kind)) && (
        <label class="field"><span>Other party</span>
          <select aria-label="Other party" value={other} onChange={(e) => setOther(e.currentTarget.value)}>{others.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>
        </label>
      )}
      {DIRECTED.has(kind) && (
        <div class="row gap" role="radiogroup" aria-label="Direction">
          <label class="check inline"><input type="radio" name="dir" checked={meFirst} onChange={() => setMeFirst(true)} />
            <span>{kind === 'guarantee' ? `I guarantee ${stateName(scenario, other)}` : `I host ${stateName(scenario, other)}`}</span></label>
          <label class="check inline"><input type="radio" name="dir" checked={!meFirst} onChange={() => setMeFirst(false)} />
            <span>{kind === 'guarantee' ? `${stateName(scenario, other)} guarantees me` : `${stateName(scenario, other)} hosts my units`}</span></label>
        </div>
      )}
      {kind === 'sanctions' && (
        <label class="field"><span>Target</span>
          <select aria-label="Target" value={target} onChange={(e) => { setTarget(e.currentTarget.value); setMembers((m) => m.filter((x) => x !== e.currentTarget.value)); }}>{others.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>
        </label>
      )}
      {(kind === 'defense-pact' || kind === 'forum' || kind === 'intelligence' || kind === 'technology') && memberPicker()}
      {kind === 'sanctions' && memberPicker(target)}
      {terms && <p class="summary">You propose: <strong>{termsSummary(scenario, terms)}</strong>. Every party must accept during this diplomacy phase; it takes effect when the phase ends.</p>}
      <div class="row gap end">
        <button onClick={onDone}>Cancel</button>
        <button class="primary" disabled={!terms || busy} onClick={submit}>Propose</button>
      </div>
    </div>
  );
}
