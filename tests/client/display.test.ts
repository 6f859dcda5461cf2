import { describe, expect, it } from 'vitest';
import { boardDisplay, regionRadius, TREATY_STYLES } from '../../client/display/boardModel';
import { rebalance } from '../../client/display/budget';
import { channelsFor } from '../../client/display/channels';
import { formatCountdown, treatyObliges } from '../../client/display/format';
import { contrastRatio, heatColor, initialsFor, inkOn, stateStyles } from '../../client/display/palette';
import { animationSteps, describeEvent, reportLines } from '../../client/display/report';
import { nationRows, pactBurdens } from '../../client/display/stats';
import { TREATY_KINDS } from '../../shared/treaties/terms';
import { scenario, Table } from './fixtures';

const tutorial = scenario('tutorial');
const standard = scenario('standard');

describe('palette: owners are never told by color alone', () => {
  it.each([['tutorial', tutorial], ['standard', standard]] as const)('%s: every state has unique initials and a pattern', (_n, sc) => {
    const styles = [...stateStyles(sc).values()];
    expect(new Set(styles.map((s) => s.initials)).size).toBe(styles.length);
    for (const s of styles) {
      expect(s.initials).toMatch(/^[A-Z]{2}$/);
      expect(s.pattern).toBeTruthy();
      // Initials drawn on the owner's color stay readable.
      expect(contrastRatio(s.ink, s.color)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('chooses other letters when two names start alike', () => {
    const m = initialsFor([{ id: 'a', name: 'Norrin' }, { id: 'b', name: 'Norland' }, { id: 'c', name: 'No' }]);
    expect(new Set(m.values()).size).toBe(3);
  });

  it('picks black or white ink by contrast', () => {
    expect(inkOn('#f0e442')).toBe('#000000');
    expect(inkOn('#0b0f14')).toBe('#ffffff');
  });

  // The page's own text colors (client/styles.css) against its backgrounds.
  it.each([
    ['text on panel', '#e6edf3', '#18202a'], ['muted on panel', '#a9b4c0', '#18202a'], ['muted on page', '#a9b4c0', '#0f141a'],
    ['primary button', '#0b0f14', '#56b4e9'], ['danger button', '#0b0f14', '#e8743b'], ['bad on panel', '#ff9b73', '#18202a'],
    ['good on panel', '#7fe0b0', '#18202a'], ['button text', '#e6edf3', '#2a3645'], ['heat ink', '#000000', heatColor(0.5)],
  ])('%s has contrast of at least 4.5:1', (_n, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('heat runs from weak (below 1) to strong', () => {
    expect(heatColor(0.4)).not.toBe(heatColor(3));
    expect(heatColor(0.99)).toBe(heatColor(0.1));
  });
});

describe('board display of a view', () => {
  const t = new Table(tutorial).toOrders();

  it('draws every region with its kind, owner and counters', () => {
    const d = boardDisplay(tutorial, t.view('drakmor'));
    expect(d.regions).toHaveLength(tutorial.regions.length);
    const hills = d.regions.find((r) => r.id === 'border-hills')!;
    expect(hills.owner).toBeNull();
    expect(hills.initials).toBeNull();
    expect(d.regions.find((r) => r.id === 'narrows')!.kind).toBe('strait');
    const drak = d.regions.find((r) => r.id === 'dra-west')!;
    expect(drak).toMatchObject({ owner: 'drakmor', initials: stateStyles(tutorial).get('drakmor')!.initials, mine: true, home: true });
    expect(drak.units).toEqual([expect.objectContaining({ state: 'drakmor', count: 5 })]);
    expect(d.regions.find((r) => r.id === 'dra-capital')!.capital).toBe(true);
    expect(d.edges.some((e) => e.water)).toBe(true);
    expect(d.theaters.map((x) => x.id)).toEqual(['heartland', 'frontier']);
  });

  it('carries the deterrence index and its heat where the viewer sees units', () => {
    const d = boardDisplay(tutorial, t.view('valdoria'));
    const corvel = d.regions.find((r) => r.id === 'cor-capital')!;
    expect(corvel.deterrence).not.toBeNull();
    expect(corvel.heat).toBe(heatColor(corvel.deterrence!));
  });

  it('draws fog as fog: no counters, no deterrence', () => {
    const fog = new Table(tutorial, { fog: true }).toOrders();
    const d = boardDisplay(tutorial, fog.view('lissen'));
    const far = d.regions.find((r) => r.id === 'val-north')!;
    expect(far).toMatchObject({ fogged: true, units: null, deterrence: null, heat: null, owner: 'valdoria' });
    expect(d.regions.find((r) => r.id === 'lis-capital')!.fogged).toBe(false);
  });

  it('draws treaty lines between capitals by kind, guarantees with a direction', () => {
    const d = boardDisplay(tutorial, t.view(null));
    const kinds = d.treatyLines.map((l) => l.kind).sort();
    expect(kinds).toEqual(['basing', 'defense-pact', 'guarantee', 'trade']);
    const g = d.treatyLines.find((l) => l.kind === 'guarantee')!;
    const val = tutorial.regions.find((r) => r.id === 'val-capital')!.position;
    expect(g.style.directed).toBe(true);
    expect(Math.hypot(g.x1 - val.x, g.y1 - val.y)).toBeLessThan(20);
    for (const k of TREATY_KINDS) expect(TREATY_STYLES[k].label).toBeTruthy();
  });

  it('draws the seat’s own orders as arrows', () => {
    const o = new Table(tutorial).toOrders().seat('drakmor', { type: 'order', order: { kind: 'attack', from: 'dra-west', to: 'cor-hills', units: 3 } });
    const d = boardDisplay(tutorial, o.view('drakmor'));
    expect(d.arrows).toEqual([expect.objectContaining({ kind: 'attack', from: 'dra-west', to: 'cor-hills', units: 3 })]);
    expect(boardDisplay(tutorial, o.view('valdoria')).arrows).toEqual([]);
  });

  it('sizes regions to their spacing', () => {
    expect(regionRadius(tutorial)).toBeGreaterThan(regionRadius(standard));
    expect(regionRadius(standard)).toBeGreaterThanOrEqual(26);
  });
});

describe('budget sliders stay linked at 100%', () => {
  it.each([
    [{ defense: 20, domestic: 50, investment: 30 }, 'defense', 40],
    [{ defense: 20, domestic: 50, investment: 30 }, 'domestic', 0],
    [{ defense: 0, domestic: 0, investment: 100 }, 'investment', 40],
    [{ defense: 33, domestic: 33, investment: 34 }, 'defense', 100],
  ] as const)('%o moving %s to %d', (b, k, v) => {
    const out = rebalance(b, k, v);
    expect(out.defense + out.domestic + out.investment).toBe(100);
    expect(out[k]).toBe(v);
    for (const x of Object.values(out)) expect(x).toBeGreaterThanOrEqual(0);
  });

  it('keeps the others in proportion', () => {
    expect(rebalance({ defense: 20, domestic: 60, investment: 20 }, 'defense', 60)).toEqual({ defense: 60, domestic: 30, investment: 10 });
  });

  it('holds a defense cap after a government fell', () => {
    expect(rebalance({ defense: 10, domestic: 50, investment: 40 }, 'defense', 40, 15).defense).toBe(15);
    const o = rebalance({ defense: 15, domestic: 45, investment: 40 }, 'domestic', 0, 15);
    expect(o.defense).toBeLessThanOrEqual(15);
    expect(o.defense + o.domestic + o.investment).toBe(100);
  });
});

describe('words', () => {
  it.each([[null, '–'], [0, '0:00'], [61_000, '1:01'], [3_600_000, '1:00:00'], [90_000_000, '1d 1h']] as const)('countdown %s → %s', (ms, s) => {
    expect(formatCountdown(ms)).toBe(s);
  });

  it('says what every treaty kind obliges', () => {
    for (const k of TREATY_KINDS) expect(treatyObliges(k, tutorial.coefficients).length).toBeGreaterThan(40);
    expect(treatyObliges('defense-pact', tutorial.coefficients)).toContain(`−${tutorial.coefficients.credAbstain}`);
  });
});

describe('channels and press modes', () => {
  it('full press: public, treaty and pairwise channels', () => {
    const v = new Table(tutorial).toOrders().view('valdoria');
    const ids = channelsFor(tutorial, v, {}).map((c) => c.id);
    expect(ids).toContain('public');
    expect(ids).toContain('pair:drakmor:valdoria');
    expect(ids).toContain('treaty:northern-league');
  });

  it('public press hides private channels; no press hides all', () => {
    expect(channelsFor(tutorial, new Table(tutorial, { press: 'public' }).toOrders().view('valdoria'), {}).map((c) => c.id)).toEqual(['public']);
    expect(channelsFor(tutorial, new Table(tutorial, { press: 'none' }).toOrders().view('valdoria'), {})).toEqual([]);
  });

  it('counts unread messages from others only', () => {
    const t = new Table(tutorial).toOrders().seat('drakmor', { type: 'message', channel: 'public', text: 'hello' }).seat('valdoria', { type: 'message', channel: 'public', text: 'hi' });
    const pub = channelsFor(tutorial, t.view('valdoria'), {}).find((c) => c.id === 'public')!;
    expect(pub.unread).toBe(1);
    expect(channelsFor(tutorial, t.view('valdoria'), { public: t.at }).find((c) => c.id === 'public')!.unread).toBe(0);
  });
});

describe('round report and state panel', () => {
  const t = new Table(tutorial).toOrders()
    .seat('drakmor', { type: 'order', order: { kind: 'attack', from: 'dra-west', to: 'border-hills', units: 4 } })
    .control({ type: 'advancePhase' });
  while (t.state.phase === 'crisis') t.control({ type: 'advancePhase' });
  const v = t.view('drakmor');

  it('reads the resolution as grouped sentences', () => {
    const groups = reportLines(tutorial, v.lastReport, v);
    const all = groups.flatMap((g) => g.lines.map((l) => l.text)).join('\n');
    expect(all).toMatch(/Battle for Border Hills|Border Hills passed from nobody to Drakmor/);
    expect(groups.map((g) => g.group)).toEqual([...new Set(groups.map((g) => g.group))]);
  });

  it('animates the battle and the capture on the board', () => {
    const steps = animationSteps(tutorial, v.lastReport, v);
    expect(steps.some((s) => s.type === 'capture' && s.region === 'border-hills' && s.to === 'drakmor')).toBe(true);
  });

  it('skips bookkeeping events', () => {
    expect(describeEvent(tutorial, { kind: 'phase/changed', audience: 'all', round: 1, phase: 'orders', deadline: null })).toBeNull();
  });

  it('lists nations and each pact’s burden against its guideline', () => {
    const rows = nationRows(tutorial, v);
    expect(rows.map((r) => r.id)).toEqual(['valdoria', 'corvania', 'lissen', 'drakmor']);
    expect(rows.find((r) => r.id === 'drakmor')!.mine).toBe(true);
    const [pact] = pactBurdens(tutorial, v);
    expect(pact).toMatchObject({ treaty: 'northern-league', guideline: 20 });
    expect(pact!.bars.map((b) => b.state)).toEqual(['valdoria', 'corvania']);
    // Budgets are revealed at resolution: Corvania's 18% is below the 20% guideline.
    expect(pact!.bars.find((b) => b.state === 'corvania')).toMatchObject({ defense: 18, below: true });
  });
});
