import { describe, expect, it } from 'vitest';
import { CommandTracker, isIdempotent } from '../../client/net/commandTracker';
import { ViewSync } from '../../client/net/viewSync';
import { renderMarkdown } from '../../client/ui/markdown';
import { diff } from '../../shared/patch';
import { scenario, Table } from './fixtures';

const tutorial = scenario('tutorial');

describe('view sync: full views, patches and gaps', () => {
  const t = new Table(tutorial).toOrders();
  const v1 = t.view('valdoria');
  t.seat('valdoria', { type: 'setBudget', budget: { defense: 30, domestic: 40, investment: 30 } });
  const v2 = t.view('valdoria');

  it('applies a patch on its base version', () => {
    const s = new ViewSync();
    s.full({ version: 4, view: v1 });
    const r = s.apply({ version: 5, base: 4, ops: diff(v1, v2) });
    expect(r).toEqual(v2);
    expect(s.version).toBe(5);
  });

  it('asks for a resync on a gap, ignores stale patches', () => {
    const s = new ViewSync();
    expect(s.apply({ version: 1, base: 0, ops: [] })).toBe('gap');
    s.full({ version: 4, view: v1 });
    expect(s.apply({ version: 7, base: 6, ops: diff(v1, v2) })).toBe('gap');
    expect(s.apply({ version: 4, base: 3, ops: [] })).toBe('stale');
    expect(s.view).toEqual(v1);
  });
});

describe('command tracking', () => {
  it('numbers commands and follows acks and refusals', () => {
    const c = new CommandTracker(10);
    const a = c.track({ type: 'ready', ready: true }, 0);
    const b = c.track({ type: 'message', channel: 'public', text: 'hi' }, 0);
    expect([a.seq, b.seq]).toEqual([10, 11]);
    expect(c.ack(10)?.status).toBe('saved');
    expect(c.error(11, 'press/none', 'No press.')).toMatchObject({ status: 'refused', message: 'No press.' });
    expect(c.error(null, 'x', 'y')).toBeNull();
    expect(c.pending()).toEqual([]);
  });

  it('resends only idempotent commands after a drop', () => {
    const c = new CommandTracker();
    c.track({ type: 'setBudget', budget: { defense: 20, domestic: 50, investment: 30 } }, 0);
    c.track({ type: 'declare', text: 'We stand firm.' }, 0);
    expect(c.dropUnsafe().map((t) => t.command.type)).toEqual(['declare']);
    expect(c.resendable().map((t) => t.command.type)).toEqual(['setBudget']);
    expect(isIdempotent({ channel: 'control', command: { type: 'start' } })).toBe(false);
  });
});

describe('rules document rendering', () => {
  it('renders headings, lists, tables and emphasis, and escapes HTML', () => {
    const html = renderMarkdown('# Rules\n\nA **bold** and *soft* <script>x</script>\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(html).toContain('<h1 id="rules">Rules</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>soft</em>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toContain('<td>2</td>');
  });

  it('keeps only safe links', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).toContain('href="#"');
    expect(renderMarkdown('[x](#scores)')).toContain('href="#scores"');
  });
});
