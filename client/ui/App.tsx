import { useEffect, useState } from 'preact/hooks';
import { api } from '../net/api';
import { store } from '../net/storage';
import { go, Home } from './Home';
import { useHash } from './hooks';
import { MatchScreen, parseMatchHash } from './MatchScreen';

/** Routes by the URL hash: the home page, a match, or a join link (#/join/<code>). */

function JoinLink({ code }: { code: string }) {
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    api.join(code).then(({ matchId }) => {
      store.setCode(matchId, code);
      go(`#/m/${matchId}?code=${encodeURIComponent(code)}`);
    }).catch((e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
  }, [code]);
  return (
    <div class="loading" role="status">
      {err ? <><p class="error">{err}</p><button onClick={() => go('')}>Back to the lobby</button></> : 'Finding the match…'}
    </div>
  );
}

export function App() {
  const hash = useHash();
  const join = /^#\/join\/([^?/]+)/.exec(hash);
  if (join) return <JoinLink code={decodeURIComponent(join[1]!)} />;
  const match = parseMatchHash(hash);
  if (match) return <MatchScreen key={match.matchId} params={match} />;
  return <Home />;
}
