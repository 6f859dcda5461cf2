import { useEffect, useState } from 'preact/hooks';
import type { MatchController } from './controller';

/** Re-render when the controller changes. */
export function useCtrl(ctrl: MatchController): MatchController {
  const [, setTick] = useState(0);
  useEffect(() => ctrl.subscribe(() => setTick((t) => t + 1)), [ctrl]);
  return ctrl;
}

/** The clock, ticking every `ms`, for countdowns. */
export function useNow(ms = 500): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** The hash route: "#/m/<matchId>", "#/join/<code>", or the home page. */
export function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}
