import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job, JobResult, JoinedReport, ParentMessage, WorkerMessage } from './jobs';

const WORKER = fileURLToPath(new URL('./loadWorker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * One run of the load process (loadWorker.ts) for one job: `start` sends the job and resolves when
 * its clients have joined; `go` lets the workload run and resolves with its result.
 */
export class LoadRun {
  private inbox: WorkerMessage[] = [];
  private wake: (() => void) | null = null;
  private exited: string | null = null;

  private constructor(private readonly proc: ChildProcess) {
    proc.on('message', (m: WorkerMessage) => {
      this.inbox.push(m);
      this.wake?.();
    });
    proc.on('exit', (code, signal) => {
      this.exited = signal ?? `exit ${code}`;
      this.wake?.();
    });
  }

  static async start(job: Job): Promise<{ run: LoadRun; joined: JoinedReport }> {
    const proc = fork(WORKER, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const run = new LoadRun(proc);
    run.post({ type: 'job', job });
    const joined = await run.next('joined');
    return { run, joined };
  }

  async go(): Promise<JobResult> {
    this.post({ type: 'go' });
    return (await this.next('result')).result;
  }

  kill(): void {
    if (this.exited === null) this.proc.kill('SIGKILL');
  }

  private post(m: ParentMessage): void {
    this.proc.send(m);
  }

  private async next<T extends WorkerMessage['type']>(type: T): Promise<Extract<WorkerMessage, { type: T }>> {
    for (;;) {
      const m = this.inbox.shift();
      if (m?.type === 'failed') throw new Error(`load process failed: ${m.error}`);
      if (m?.type === type) return m as Extract<WorkerMessage, { type: T }>;
      if (m) continue;
      if (this.exited !== null) throw new Error(`load process ended (${this.exited}) before '${type}'`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }
}
