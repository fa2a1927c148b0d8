import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataAdapter, Unsubscribe } from '../data/adapter.js';
import { AbortedError, isTandemError, StorageError, type TandemError } from '../data/errors.js';
import type { Session } from '../model/records.js';

/**
 * Loads the session from an adapter and keeps it current: it reloads when the
 * adapter announces a session change or a reset, and when the adapter itself
 * is replaced. Used by `<tandem-provider>` and by widgets used on their own.
 */
export class SessionController implements ReactiveController {
  session: Session | undefined;
  error: TandemError | undefined;
  /** Whether the adapter has answered who the session is (or failed to): until then, reads would be made for nobody. */
  settled = false;

  private adapter: DataAdapter | undefined;
  private unsubscribe: Unsubscribe | undefined;
  private abort: AbortController | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (session: Session | undefined) => void = () => {},
  ) {
    host.addController(this);
  }

  /** Points the controller at an adapter (or none); a new adapter means a new session. */
  setAdapter(adapter: DataAdapter | undefined): void {
    if (adapter === this.adapter) return;
    this.detach();
    this.adapter = adapter;
    this.session = undefined;
    this.error = undefined;
    this.settled = false;
    if (this.connected) this.attach();
  }

  /** Loads the session again, e.g. after the person asked to retry. */
  reload(): void {
    void this.load();
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach();
  }

  private attach(): void {
    const adapter = this.adapter;
    if (!adapter) {
      this.host.requestUpdate();
      return;
    }
    this.unsubscribe = adapter.subscribe((change) => {
      if (change.type === 'session' || change.type === 'reset') void this.load();
    });
    void this.load();
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.abort?.abort();
    this.abort = undefined;
  }

  private async load(): Promise<void> {
    const adapter = this.adapter;
    if (!adapter) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const session = await adapter.getSession({ signal: abort.signal });
      if (abort.signal.aborted) return;
      this.session = session;
      this.error = undefined;
      this.settled = true;
      this.onChange(session);
    } catch (error) {
      if (abort.signal.aborted || error instanceof AbortedError) return;
      this.session = undefined;
      this.error = isTandemError(error) ? error : new StorageError('failed', { cause: error });
      this.settled = true;
      this.onChange(undefined);
    }
    this.host.requestUpdate();
  }
}
