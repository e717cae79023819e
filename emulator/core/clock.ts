/**
 * The workspace's virtual clock. Nothing in the emulator reads the host's time: scripts see this
 * clock through `new Date()` / `Date.now()`, triggers fire from it, locks time out on it and
 * caches expire on it, so tests can cross days and quotas deterministically.
 */
export class VirtualClock {
  private ms: number;

  constructor(start: Date | number) {
    this.ms = typeof start === 'number' ? start : start.getTime();
    if (!Number.isFinite(this.ms)) throw new RangeError('VirtualClock: invalid start time');
  }

  /** The current virtual time as a Date. */
  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  /** Moves time forward; time never goes back. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`VirtualClock.advance: ${ms} is not a duration`);
    this.ms += ms;
  }

  /** Jumps to a later instant (e.g. "the next morning"). */
  setTo(when: Date | number): void {
    const target = typeof when === 'number' ? when : when.getTime();
    if (target < this.ms) throw new RangeError('VirtualClock.setTo: time never goes back');
    this.ms = target;
  }
}
