import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataAdapter, DataChange, Unsubscribe } from '../data/adapter.js';
import type { RecordKind } from '../model/records.js';

/**
 * Calls back when the adapter announces a change a widget shows — records of
 * the given kinds, the signed-in person, or a reset — so every widget on the
 * page (and in other tabs) stays in step. Follows the host's adapter as it
 * changes; unsubscribes while the host is disconnected (a subscription would
 * keep a removed element alive), and calls back with a `reset` when it comes
 * back to the same adapter, since changes may have been missed meanwhile.
 */
export class DataChangeController implements ReactiveController {
  private subscribedTo: DataAdapter | undefined;
  private unsubscribe: Unsubscribe | undefined;
  private connected = false;
  /** The adapter followed until the host was last disconnected. */
  private leftAdapter: DataAdapter | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: {
      adapter: () => DataAdapter | undefined;
      kinds: readonly RecordKind[];
      onChange: (change: DataChange) => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.leftAdapter = this.subscribedTo;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
  }

  private follow(): void {
    const adapter = this.connected ? this.options.adapter() : undefined;
    if (adapter === this.subscribedTo) return;
    this.unsubscribe?.();
    this.subscribedTo = adapter;
    this.unsubscribe = adapter?.subscribe((change) => {
      if (change.type !== 'records' || this.options.kinds.includes(change.kind)) this.options.onChange(change);
    });
    if (adapter === undefined) return;
    const returned = adapter === this.leftAdapter;
    this.leftAdapter = undefined;
    // Another adapter reloads the widget anyway (its task's arguments change).
    if (returned) this.options.onChange({ type: 'reset', origin: 'remote' });
  }
}
