/**
 * Table types for kysely. JSON columns are text (portable across SQLite and PostgreSQL);
 * times are ms since the epoch in bigint columns (PostgreSQL returns them as strings, SQLite as numbers).
 */
type BigIntColumn = number | string | bigint;

export interface MatchesTable {
  id: string;
  code: string;
  scenario_id: string;
  settings: string;
  seed: string;
  visibility: string;
  status: string;
  host_key_hash: string;
  log_format: number;
  created_at: BigIntColumn;
}

export interface CommandsTable {
  match_id: string;
  seq: number;
  at: BigIntColumn;
  envelope: string;
}

export interface SeatsTable {
  match_id: string;
  state: string;
  token_hash: string;
  name: string;
}

export interface SnapshotsTable {
  match_id: string;
  round: number;
  seq: number;
  state: string;
}

export interface Database {
  matches: MatchesTable;
  commands: CommandsTable;
  seats: SeatsTable;
  snapshots: SnapshotsTable;
}
