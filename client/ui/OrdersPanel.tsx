import { useEffect, useRef, useState } from 'preact/hooks';
import type { Budget } from '../../shared/budget';
import { previewBudget } from '../../shared/legal';
import type { OrderOption } from '../../shared/legal';
import type { ForceOrderKind } from '../../shared/orders';
import { treatyParties } from '../../shared/treaties/parties';
import type { BudgetKey } from '../display/budget';
import { BUDGET_KEYS, rebalance, sameBudget } from '../display/budget';
import { signed } from '../display/format';
import { buildOrder, describeOrder, maxUnitsFor, optionTargetName, ORDER_HELP, ORDER_VERBS, ownStacks, refusal, stackOptions } from '../display/orderBuilder';
import { stateName } from '../display/palette';
import { SaveState, StateBadge } from './common';
import type { MatchController } from './controller';

/** Orders: the budget as three linked sliders with the engine's preview, force orders, aid and sanctions. */

const BUDGET_LABELS: Record<BudgetKey, { label: string; hint: string }> = {
  defense: { label: 'Defense', hint: 'pays upkeep, then raises new units' },
  domestic: { label: 'Domestic', hint: 'keeps public support up' },
  investment: { label: 'Investment', hint: 'growth and technology' },
};

function BudgetPanel({ ctrl }: { ctrl: MatchController }) {
  const view = ctrl.view!;
  const scenario = ctrl.scenario!;
  const own = view.own!;
  const serverBudget = own.orders.budget ?? own.budget;
  const [draft, setDraft] = useState<Budget>(serverBudget);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!dirty.current) setDraft(serverBudget);
  }, [serverBudget.defense, serverBudget.domestic, serverBudget.investment]);
  const editable = view.phase === 'orders';
  const change = (k: BudgetKey, v: number) => {
    const next = rebalance(draft, k, v, own.defenseCap);
    setDraft(next);
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      dirty.current = false;
      if (!sameBudget(next, own.orders.budget)) ctrl.send({ type: 'setBudget', budget: next });
    }, 350);
  };
  const p = previewBudget(scenario, view, draft);
  const last = ctrl.lastOf('setBudget');
  const status = dirty.current ? 'pending' : last?.status ?? (own.orders.budget ? 'saved' : null);
  return (
    <section class="block" aria-labelledby="h-budget" data-tour="budget">
      <div class="row between">
        <h3 id="h-budget">Budget</h3>
        <SaveState status={status} message={last?.message} />
      </div>
      {!own.orders.budget && editable && <p class="muted small">Last round’s budget stays in force unless you change it.</p>}
      {BUDGET_KEYS.map((k) => (
        <div class="slider" key={k}>
          <label for={`b-${k}`}>
            <span class="sl-name">{BUDGET_LABELS[k].label}</span>
            <span class="sl-val">{draft[k]}%</span>
          </label>
          <input id={`b-${k}`} type="range" min={0} max={100} step={1} value={draft[k]} disabled={!editable}
            aria-valuetext={`${draft[k]} percent`} onInput={(e) => change(k, Number(e.currentTarget.value))} class={`range-${k}`} />
          <span class="muted small">{BUDGET_LABELS[k].hint}{k === 'defense' && p?.guideline !== null && p?.guideline !== undefined ? ` · pact guideline ${p.guideline}%` : ''}{k === 'defense' && own.defenseCap !== null ? ` · capped at ${own.defenseCap}% after your government fell` : ''}</span>
        </div>
      ))}
      <div class="budget-bar" aria-hidden="true">
        <span class="bb-defense" style={{ width: `${draft.defense}%` }} />
        <span class="bb-domestic" style={{ width: `${draft.domestic}%` }} />
        <span class="bb-investment" style={{ width: `${draft.investment}%` }} />
        {p?.guideline !== null && p?.guideline !== undefined && <span class="bb-guide" style={{ left: `${p.guideline}%` }} title="Pact guideline" />}
      </div>
      {p && (
        <dl class="preview" aria-label="What this budget does (engine preview)">
          <div><dt>Defense spending</dt><dd>{p.defenseSpending.toFixed(1)} of {p.output}</dd></div>
          <div><dt>Upkeep</dt><dd>{p.recruitment.upkeep.toFixed(1)}</dd></div>
          <div><dt>New units</dt><dd class={p.recruitment.demobilized ? 'bad' : p.recruitment.recruits ? 'good' : ''}>{p.recruitment.demobilized ? `−${p.recruitment.demobilized} stood down` : `+${p.recruitment.recruits}`}</dd></div>
          <div><dt>Growth</dt><dd class={p.growth.growth >= 0 ? 'good' : 'bad'}>{signed(p.growth.growth * 100)}%</dd></div>
          <div><dt>Next output</dt><dd>{p.nextOutput}</dd></div>
          <div><dt>Public support</dt><dd class={p.supportDelta >= 0 ? 'good' : 'bad'}>{signed(p.supportDelta)}</dd></div>
          <div><dt>Technology</dt><dd>{p.technology.toFixed(2)}</dd></div>
        </dl>
      )}
    </section>
  );
}

function OrderComposer({ ctrl, from, target, options }: { ctrl: MatchController; from: string; target: string; options: OrderOption[] }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const [kind, setKind] = useState<ForceOrderKind>(options[0]!.kind);
  const opt = options.find((o) => o.kind === kind) ?? options[0]!;
  const probe = buildOrder(opt.kind, from, target, 1);
  const max = Math.max(1, maxUnitsFor(view, probe));
  const [units, setUnits] = useState(max);
  useEffect(() => setUnits(max), [from, target, kind]);
  const order = buildOrder(opt.kind, from, target, units);
  const why = refusal(scenario, view, order);
  return (
    <div class="composer" role="group" aria-label="New order">
      {options.length > 1 && (
        <div class="row gap wrap" role="radiogroup" aria-label="Kind of order">
          {options.map((o) => (
            <button key={o.kind} role="radio" aria-checked={o.kind === kind} class={o.kind === kind ? 'on' : ''} onClick={() => setKind(o.kind)}>{ORDER_VERBS[o.kind]}</button>
          ))}
        </div>
      )}
      <p><strong>{ORDER_VERBS[opt.kind]} {optionTargetName(scenario, opt)}</strong> <span class="muted small">— {ORDER_HELP[opt.kind]}</span></p>
      <label class="row gap">
        <span>Units</span>
        <input type="number" min={1} max={max} value={units} onInput={(e) => setUnits(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} class="units-input" />
        <span class="muted small">of {max} free</span>
      </label>
      {why && <p class="refusal" role="alert">{why}</p>}
      <div class="row gap">
        <button class="primary" disabled={!!why || units < 1} onClick={() => { ctrl.send({ type: 'order', order }); ctrl.clearTarget(); }}>Give order: {describeOrder(scenario, order)}</button>
        <button onClick={() => ctrl.clearTarget()}>Cancel</button>
      </div>
    </div>
  );
}

function ForcePanel({ ctrl }: { ctrl: MatchController }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const stacks = ownStacks(scenario, view);
  const editable = view.phase === 'orders';
  const sel = ctrl.selected;
  const pendingOrders = ctrl.commands.filter((c) => c.status === 'pending' && (c.command.type === 'order' || c.command.type === 'cancelOrder' || c.command.type === 'hold'));
  return (
    <section class="block" aria-labelledby="h-force" data-tour="forces">
      <div class="row between">
        <h3 id="h-force">Forces</h3>
        {pendingOrders.length > 0 ? <SaveState status="pending" /> : view.own!.orders.force.length > 0 ? <SaveState status="saved" /> : null}
      </div>
      <p class="muted small">{editable ? 'Pick one of your stacks (here or on the board), then a neighbouring region. Units without orders hold and defend.' : 'Force orders are given in the orders phase.'}</p>
      {ctrl.refusalText && !ctrl.pendingTarget && <p class="refusal" role="alert">{ctrl.refusalText}</p>}
      <ul class="stacks">
        {stacks.map((s) => {
          const open = sel === s.region;
          const opts = open && editable ? stackOptions(scenario, view, s.region) : [];
          return (
            <li key={s.region} class={`stack ${open ? 'open' : ''}`}>
              <button class="stack-head" aria-expanded={open} disabled={!editable} onClick={() => ctrl.select(open ? null : s.region)}>
                <span>{s.name}</span>
                <span class="muted small">{s.units} unit{s.units === 1 ? '' : 's'}{s.free < s.units ? ` · ${s.free} holding` : ' · all holding'}</span>
              </button>
              {s.orders.length > 0 && (
                <ul class="orders">
                  {s.orders.map((o) => (
                    <li key={`${o.kind}-${o.kind === 'exercise' ? o.partner : o.to}`} class={`order order-${o.kind}`}>
                      <span>{describeOrder(scenario, o)}</span>
                      {editable && <button class="small ghost" aria-label={`Cancel: ${describeOrder(scenario, o)}`} onClick={() => ctrl.send({ type: 'cancelOrder', order: o })}>✕</button>}
                    </li>
                  ))}
                </ul>
              )}
              {open && editable && (
                <div class="stack-body">
                  {ctrl.pendingTarget?.from === s.region ? (
                    <OrderComposer key={ctrl.pendingTarget.target} ctrl={ctrl} from={s.region} target={ctrl.pendingTarget.target} options={ctrl.pendingTarget.options} />
                  ) : opts.length === 0 ? <p class="muted small">No order is possible from here: every unit is already ordered, or nothing is within reach.</p> : (
                    <ul class="options">
                      {(['attack', 'move', 'support', 'exercise'] as const).map((k) => {
                        const ks = opts.filter((o) => o.kind === k);
                        if (ks.length === 0) return null;
                        return (
                          <li key={k}>
                            <span class={`opt-kind kind-${k}`}>{ORDER_VERBS[k]}</span>
                            {ks.map((o) => (
                              <button key={o.target} class="small" onClick={() => { ctrl.pendingTarget = { from: s.region, target: o.target, options: opts.filter((x) => x.target === o.target) }; ctrl.refusalText = null; ctrl.changed(); }}>
                                {optionTargetName(scenario, o)}
                              </button>
                            ))}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  {s.orders.length > 0 && <button class="small" onClick={() => ctrl.send({ type: 'hold', from: s.region })}>Cancel all: hold here</button>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AidSanctions({ ctrl }: { ctrl: MatchController }) {
  const scenario = ctrl.scenario!;
  const view = ctrl.view!;
  const own = view.own!;
  const me = own.state;
  const others = scenario.states.filter((s) => s.id !== me);
  const [to, setTo] = useState(others[0]?.id ?? '');
  const [amount, setAmount] = useState(5);
  const editable = view.phase === 'orders';
  const sanctions = Object.values(view.treaties).filter((t) => t.status === 'active' && t.terms.kind === 'sanctions' && treatyParties(t.terms).includes(me));
  const aid = Object.entries(own.orders.aid);
  const output = view.nations[me]!.output;
  const total = aid.reduce((a, [, v]) => a + v, 0);
  return (
    <section class="block" aria-labelledby="h-aid">
      <h3 id="h-aid">Aid and sanctions</h3>
      {aid.length > 0 && (
        <ul class="plain">
          {aid.map(([s, v]) => (
            <li key={s} class="row gap">
              <span>{v} output to {stateName(scenario, s)}</span>
              {editable && <button class="small ghost" onClick={() => ctrl.send({ type: 'aid', to: s, amount: 0 })} aria-label={`Cancel aid to ${stateName(scenario, s)}`}>✕</button>}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div class="row gap wrap">
          <label class="field small-field"><span>Send aid to</span>
            <select aria-label="Send aid to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>{others.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>
          </label>
          <label class="field small-field"><span>Amount</span>
            <input type="number" min={1} max={output} value={amount} onInput={(e) => setAmount(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} />
          </label>
          <button disabled={amount < 1 || total - (own.orders.aid[to] ?? 0) + amount > output} onClick={() => ctrl.send({ type: 'aid', to, amount })}>Send aid</button>
        </div>
      )}
      <p class="muted small">Aid comes out of your output before the budget is split. You have {output}; {total} is promised.</p>
      {sanctions.length === 0 ? <p class="muted small">You are in no sanctions coalition.</p> : sanctions.map((t) => {
        const target = t.terms.kind === 'sanctions' ? t.terms.target : '';
        const enforce = own.orders.sanctions[t.id] ?? t.enforcing[me] ?? true;
        return (
          <label key={t.id} class="check">
            <input type="checkbox" checked={enforce} disabled={!editable} onChange={(e) => ctrl.send({ type: 'sanctionsVote', treaty: t.id, enforce: e.currentTarget.checked })} />
            <span>Enforce sanctions on <StateBadge scenario={scenario} id={target} /> this round <span class="muted small">(costs you a little growth)</span></span>
          </label>
        );
      })}
    </section>
  );
}

export function OrdersPanel({ ctrl }: { ctrl: MatchController }) {
  const view = ctrl.view!;
  if (!view.own) return <p class="muted">Spectators see orders only when they are revealed at resolution.</p>;
  return (
    <div class="orders-panel">
      {view.phase !== 'orders' && <p class="note">Orders open after diplomacy. You can look at your budget and forces now; changes are made in the orders phase.</p>}
      <BudgetPanel ctrl={ctrl} />
      <ForcePanel ctrl={ctrl} />
      <AidSanctions ctrl={ctrl} />
    </div>
  );
}
