import type SQLite from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { EncodedBatch, WriterData, WriterReply, WriterRequest } from './writerProtocol';

/**
 * The body of the SQLite writer thread: its own connection to the store's file, where each batch
 * is one transaction and its fsync, so the main thread never waits for the disk.
 *
 * sqliteWriter.ts starts it from this function's source text (functionThread.ts), so it must stay
 * self-contained.
 */
export function writerThread(data: WriterData, port: MessagePort, Database: typeof SQLite): void {
  const db = new Database(data.file);
  // Per-connection settings: better-sqlite3 builds with WAL's default synchronous=NORMAL, which
  // may lose the last commits on power loss. FULL is the durability promise behind every ack.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${data.busyTimeoutMs}`);
  // Checkpoints belong to the checkpoint thread (checkpointThread.ts), off the commit path; this
  // connection checkpoints after a commit only if the WAL grew this large anyway (that thread gone
  // or outpaced), as SQLite would at 1,000 pages by default.
  db.pragma(`wal_autocheckpoint = ${data.fallbackCheckpointPages}`);
  // The main connection migrated the file and set WAL (persistent); a rollback journal here would
  // block its readers during each commit.
  const journalMode = String(db.pragma('journal_mode', { simple: true }));
  if (journalMode !== 'wal') throw new Error(`the store is not in WAL mode (${journalMode})`);

  const insertCommand = db.prepare('INSERT INTO commands (match_id, seq, at, envelope) VALUES (?, ?, ?, ?)');
  const insertSnapshot = db.prepare(
    'INSERT INTO snapshots (match_id, round, seq, state) VALUES (?, ?, ?, ?) ON CONFLICT (match_id, seq) DO NOTHING',
  );
  const setStatus = db.prepare('UPDATE matches SET status = ? WHERE id = ?');
  const write = db.transaction((b: EncodedBatch) => {
    for (const c of b.commands) insertCommand.run(c);
    for (const s of b.snapshots) insertSnapshot.run(s);
    for (const [matchId, status] of b.statuses) setStatus.run(status, matchId);
  });

  port.on('message', (m: WriterRequest) => {
    if (m.type === 'close') {
      db.close();
      port.close();
      return;
    }
    let reply: WriterReply;
    try {
      // IMMEDIATE takes the write lock at BEGIN, where busy_timeout waits for the main connection;
      // a deferred BEGIN could fail with SQLITE_BUSY on upgrading, which no timeout retries.
      write.immediate(m.batch);
      reply = { type: 'written', id: m.id, error: null };
    } catch (e) {
      const err = e as { message?: unknown; code?: unknown };
      reply = { type: 'written', id: m.id, error: { message: String(err.message ?? e), code: typeof err.code === 'string' ? err.code : null } };
    }
    port.postMessage(reply);
  });
  const ready: WriterReply = {
    type: 'ready', journalMode,
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
  };
  port.postMessage(ready);
}
