import type { Score } from '../../shared/state';

/** The score breakdown cells of one state's row, shared by the end screen and the debrief. */
export function ScoreCells({ score: s }: { score: Score }) {
  return (
    <>
      <td>{s.security.toFixed(1)}</td><td>{s.prosperity.toFixed(1)}</td><td>{s.influence.toFixed(1)}</td>
      <td>{s.regionsGained.toFixed(0)}</td><td>{s.objectives.toFixed(0)}</td><td>{s.peace.toFixed(1)}</td>
      <td><strong>{s.total.toFixed(1)}</strong></td>
    </>
  );
}
