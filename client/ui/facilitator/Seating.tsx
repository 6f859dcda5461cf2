import { useState } from 'preact/hooks';
import type { Dashboard, ParticipantInfo, SeatingAction } from '../../../shared/debrief/classroom';
import type { TeamRole } from '../../../shared/debrief/roles';
import { TEAM_ROLE_LABELS, TEAM_ROLES } from '../../../shared/debrief/roles';
import type { ControlCommand } from '../../../shared/commands';
import type { Scenario } from '../../../shared/scenario/schema';
import { StateBadge } from '../common';

/**
 * Seating (GAME.md §7): students who arrived wait on the left; the facilitator seats them at states
 * (several per state, with optional roles), moves them, sends them back to waiting or removes them,
 * and replaces an absent team by a bot and hands the seat back.
 */

export interface SeatingProps {
  scenario: Scenario;
  dash: Dashboard;
  seat: (a: SeatingAction, done: string) => void;
  control: (c: ControlCommand, done: string) => void;
}

function RolePicker({ value, onChange, label }: { value: TeamRole | null; onChange: (r: TeamRole | null) => void; label: string }) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.currentTarget.value || null) as TeamRole | null)}>
      <option value="">no role</option>
      {TEAM_ROLES.map((r) => <option key={r} value={r}>{TEAM_ROLE_LABELS[r]}</option>)}
    </select>
  );
}

function Waiting({ p, scenario, seat }: { p: ParticipantInfo } & Pick<SeatingProps, 'scenario' | 'seat'>) {
  const [state, setState] = useState(scenario.states[0]?.id ?? '');
  const [role, setRole] = useState<TeamRole | null>(null);
  return (
    <li class="waiting-student" data-student={p.name}>
      <span class="student-name">{p.name}</span>
      <span class={`dot ${p.connected ? 'on' : ''}`} aria-label={p.connected ? 'connected' : 'not connected'} />
      <select aria-label={`State for ${p.name}`} value={state} onChange={(e) => setState(e.currentTarget.value)}>
        {scenario.states.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
      <RolePicker value={role} onChange={setRole} label={`Role for ${p.name}`} />
      <button class="primary small" onClick={() => seat({ type: 'assign', participant: p.id, state, role }, `${p.name} seated`)}>Seat</button>
      <button class="small danger-ghost" onClick={() => { if (confirm(`Remove ${p.name} from the exercise? Their link stops working.`)) seat({ type: 'remove', participant: p.id }, `${p.name} removed`); }}>Remove</button>
    </li>
  );
}

function Member({ p, scenario, seat }: { p: ParticipantInfo } & Pick<SeatingProps, 'scenario' | 'seat'>) {
  return (
    <li class="member" data-student={p.name}>
      <span class={`dot ${p.connected ? 'on' : ''}`} title={p.connected ? 'connected' : 'not connected'} aria-label={p.connected ? 'connected' : 'not connected'} />
      <span class="student-name">{p.name}</span>
      <RolePicker value={p.role} label={`Role of ${p.name}`} onChange={(role) => seat({ type: 'assign', participant: p.id, state: p.state!, role }, `${p.name}: ${role ? TEAM_ROLE_LABELS[role] : 'no role'}`)} />
      <select aria-label={`Move ${p.name}`} value="" onChange={(e) => {
        const v = e.currentTarget.value;
        if (v === '-wait') seat({ type: 'unassign', participant: p.id }, `${p.name} back to waiting`);
        else if (v) seat({ type: 'assign', participant: p.id, state: v, role: p.role }, `${p.name} moved`);
      }}>
        <option value="">Move…</option>
        {scenario.states.filter((s) => s.id !== p.state).map((s) => <option key={s.id} value={s.id}>to {s.name}</option>)}
        <option value="-wait">back to waiting</option>
      </select>
      <button class="small danger-ghost icon-btn" aria-label={`Remove ${p.name}`} title="Remove from the exercise" onClick={() => { if (confirm(`Remove ${p.name} from the exercise? Their link stops working.`)) seat({ type: 'remove', participant: p.id }, `${p.name} removed`); }}>✕</button>
    </li>
  );
}

export function Seating({ scenario, dash, seat, control }: SeatingProps) {
  const waiting = dash.participants.filter((p) => p.state === null);
  const ended = dash.phase === 'ended';
  return (
    <section class="fac-card seating" aria-labelledby="h-seating">
      <h2 id="h-seating">Seating <span class="muted small">{dash.participants.length} student{dash.participants.length === 1 ? '' : 's'}</span></h2>
      <div class="seating-grid">
        <div class="waiting">
          <h3>Waiting ({waiting.length})</h3>
          {waiting.length === 0 ? <p class="muted small">Students who enter the code appear here.</p> : (
            <ul class="plain">{waiting.map((p) => <Waiting key={p.id} p={p} scenario={scenario} seat={seat} />)}</ul>
          )}
        </div>
        <ul class="teams plain">
          {dash.seats.map((s) => {
            const team = dash.participants.filter((p) => p.state === s.state);
            return (
              <li key={s.state} class={`team ${s.controller}`} data-state={s.state}>
                <div class="team-head">
                  <StateBadge scenario={scenario} id={s.state} />
                  <span class={`pill ctl-${s.controller}`}>{s.controller === 'bot' ? 'bot plays' : s.controller === 'human' ? 'team plays' : 'open'}</span>
                  {s.connected && <span class="pill on">online</span>}
                  {s.ready && <span class="pill ready">✓ ready</span>}
                </div>
                {team.length === 0 ? <p class="muted small">Nobody seated{s.controller === 'open' && dash.phase === 'setup' ? ' — a bot takes it at the start' : ''}.</p> : (
                  <ul class="plain members">{team.map((p) => <Member key={p.id} p={p} scenario={scenario} seat={seat} />)}</ul>
                )}
                {!ended && (s.controller !== 'bot' || team.length > 0) && (
                  <div class="team-actions">
                    {s.controller === 'bot'
                      ? <button class="small" onClick={() => control({ type: 'setSeat', state: s.state, controller: 'human' }, `${s.name} handed back to its team`)}>Hand back to the team</button>
                      : <button class="small" onClick={() => control({ type: 'setSeat', state: s.state, controller: 'bot' }, `${s.name} is played by a bot`)}>Replace by a bot</button>}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
