import type { CallerIdentity } from '../../kit';

/** Who a subscription counts against: the user, or an anonymous caller's address. */
export function callerKey(identity: CallerIdentity, address: string | undefined): string {
  return identity.type === 'user' ? identity.userEntityRef : `anonymous@${address ?? 'unknown'}`;
}

/** Open subscriptions per caller, across connections and transports. */
export class CallerSubscriptions {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerCaller: number) {}

  /** Counts one more for `caller`, or answers why not; the returned release is safe to call twice. */
  acquire(caller: string): { ok: true; release: () => void } | { ok: false; reason: string } {
    const count = this.open.get(caller) ?? 0;
    if (count >= this.maxPerCaller) return { ok: false, reason: `Too many subscriptions: at most ${this.maxPerCaller} per caller` };
    this.open.set(caller, count + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.open.get(caller) ?? 1) - 1;
        if (left === 0) this.open.delete(caller);
        else this.open.set(caller, left);
      },
    };
  }

  get total(): number {
    let total = 0;
    for (const count of this.open.values()) total += count;
    return total;
  }
}
