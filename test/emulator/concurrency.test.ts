/**
 * Interleaving executions: Apps Script runs a trigger, a menu click and a sidebar call at the same
 * time, each between the other's service calls. The emulator runs one at a time, so a test says
 * where another execution comes in (ws.beforeCall), or lets one arrive while a lock is held and
 * run when it is released (ws.locks.whenFree); ws.locks.holds() tells how long each lock was held,
 * on the modelled clock (service calls advance it: 150 ms each by default).
 */
import { createWorkspace } from '../../emulator';

function setup() {
  // Every Lock and Properties request priced 150 ms here, so the arithmetic below reads plainly
  // (the cost table's own figures are tested in costs.test.ts); handle getters stay free.
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T02:00:00Z', costs: { perCallMs: { LockService: 150, PropertiesService: 150 } } });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const g = ws.globals as { LockService: GoogleAppsScript.Lock.LockService; PropertiesService: GoogleAppsScript.Properties.PropertiesService };
  return { ws, ...g };
}

describe('ws.beforeCall: another execution comes in before a given call of a script', () => {
  it('runs once, before the n-th call of that method in a script execution, and that call sees what it wrote', () => {
    const { ws, PropertiesService } = setup();
    const seen: string[] = [];
    ws.beforeCall('PropertiesService:Properties.getProperty', 2, () => {
      ws.execution(() => PropertiesService.getDocumentProperties()!.setProperty('x', 'from the other'), { user: 'other@luukiem.example' });
    });
    ws.execution(() => {
      const props = PropertiesService.getDocumentProperties()!;
      props.setProperty('x', 'mine');
      seen.push(String(props.getProperty('x')));
      seen.push(String(props.getProperty('x')));
      seen.push(String(props.getProperty('x')));
    });
    expect(seen).toEqual(['mine', 'from the other', 'from the other']);
    expect(ws.executions().map((e) => [e.kind, e.user])).toEqual([
      ['concurrent', 'other@luukiem.example'],
      ['concurrent', 'admin@luukiem.example'],
    ]);
  });

  it('the test harness’s own calls do not count (only a script’s)', () => {
    const { ws, PropertiesService } = setup();
    let ran = 0;
    ws.beforeCall('PropertiesService:Properties.getProperty', 1, () => (ran += 1));
    PropertiesService.getDocumentProperties()!.getProperty('x');
    expect(ran).toBe(0);
    ws.execution(() => PropertiesService.getDocumentProperties()!.getProperty('x'));
    expect(ran).toBe(1);
  });

  it('a lock the interrupted execution holds is busy inside the one that comes in', () => {
    const { ws, LockService, PropertiesService } = setup();
    let other: boolean | null = null;
    ws.beforeCall('PropertiesService:Properties.setProperty', 1, () => {
      other = ws.execution(() => LockService.getDocumentLock()!.tryLock(0));
    });
    ws.execution(() => {
      const lock = LockService.getDocumentLock()!;
      lock.tryLock(0);
      PropertiesService.getDocumentProperties()!.setProperty('a', '1');
      lock.releaseLock();
    });
    expect(other).toBe(false);
  });
});

describe('ws.locks.holds(): how long each lock was held, on the modelled clock', () => {
  it('from the acquiring call to the release (or the end of the execution), with who held it and how long it waited', () => {
    const { ws, LockService, PropertiesService } = setup();
    ws.execution(
      () => {
        const lock = LockService.getDocumentLock()!; // a handle: no request
        lock.tryLock(1000); // 150 ms, acquired as it returns
        PropertiesService.getDocumentProperties()!.setProperty('a', '1'); // 150 ms
        lock.releaseLock(); // 150 ms, released as it returns
        LockService.getScriptLock().waitLock(0); // 150 ms; held until the execution ends
        PropertiesService.getDocumentProperties()!.getProperty('a'); // 150 ms more
      },
      { user: 'u@luukiem.example', label: 'job' },
    );
    const holds = ws.locks.holds();
    expect(holds.map((h) => [h.lock, h.label, h.user, h.heldMs, h.waitedMs])).toEqual([
      ['document', 'job', 'u@luukiem.example', 300, 0],
      ['script', 'job', 'u@luukiem.example', 150, 0],
    ]);
    // A call's latency is spent before it takes effect: the lock is had when tryLock returns.
    expect(holds[0].acquiredAt.toISOString()).toBe('2026-11-24T02:00:00.150Z');
  });

  it('re-acquiring a lock already held does not start another hold', () => {
    const { ws, LockService } = setup();
    ws.execution(() => {
      LockService.getDocumentLock()!.tryLock(0);
      LockService.getDocumentLock()!.tryLock(0);
    });
    expect(ws.locks.holds()).toHaveLength(1);
  });
});

describe('ws.locks.whenFree: an execution arrives while the document lock is held and waits for it', () => {
  it('runs when the holder releases the lock, and its wait counts from its arrival', () => {
    const { ws, LockService, PropertiesService } = setup();
    let waiter: ReturnType<typeof ws.locks.whenFree<boolean>> | null = null;
    ws.beforeCall('PropertiesService:Properties.setProperty', 1, () => {
      waiter = ws.locks.whenFree(() => LockService.getDocumentLock()!.tryLock(10_000), { user: 'staff@luukiem.example', label: 'action' });
      expect(waiter.done).toBe(false);
    });
    ws.execution(
      () => {
        const lock = LockService.getDocumentLock()!;
        lock.tryLock(0);
        const props = PropertiesService.getDocumentProperties()!;
        for (let i = 0; i < 10; i++) props.setProperty(`k${i}`, 'v');
        lock.releaseLock();
      },
      { label: 'job' },
    );
    expect(waiter!.done).toBe(true);
    expect(waiter!.value).toBe(true);
    const action = ws.locks.holds().find((h) => h.label === 'action')!;
    // It arrived before the first of the 10 writes (each 150 ms) and the release (150 ms).
    expect(action.waitedMs).toBe(11 * 150);
  });

  it('gives up as tryLock does when the holder kept the lock longer than its timeout', () => {
    const { ws, LockService, PropertiesService } = setup();
    let waiter: ReturnType<typeof ws.locks.whenFree<boolean>> | null = null;
    ws.beforeCall('PropertiesService:Properties.setProperty', 1, () => {
      waiter = ws.locks.whenFree(() => LockService.getDocumentLock()!.tryLock(1_000));
    });
    ws.execution(() => {
      LockService.getDocumentLock()!.tryLock(0);
      const props = PropertiesService.getDocumentProperties()!;
      for (let i = 0; i < 10; i++) props.setProperty(`k${i}`, 'v');
    });
    // Released when the execution ended: the waiter then ran, 1.5 s after it arrived.
    expect(waiter!.done).toBe(true);
    expect(waiter!.value).toBe(false);
  });

  it('runs at once when the lock is free, and keeps what it threw', () => {
    const { ws } = setup();
    const w = ws.locks.whenFree(() => {
      throw new Error('boom');
    });
    expect(w.done).toBe(true);
    expect((w.error as Error).message).toBe('boom');
  });
});

describe('ws.beforeCall and ws.locks.whenFree together', () => {
  it('"*" matches any call; a queued execution’s wait applies to the execution it starts (a sidebar call, a trigger)', () => {
    const { ws, LockService, PropertiesService } = setup();
    const held = ws.execution(() => {
      const lock = LockService.getDocumentLock()!;
      lock.tryLock(0);
      let inner: ReturnType<typeof ws.locks.whenFree<boolean>> | null = null;
      ws.beforeCall('*', 3, () => {
        inner = ws.locks.whenFree(() => ws.execution(() => LockService.getDocumentLock()!.tryLock(500), { kind: 'rpc', label: 'inner' }));
      });
      const props = PropertiesService.getDocumentProperties()!; // call 1
      props.setProperty('a', '1'); // 2
      props.setProperty('b', '1'); // 3: the other execution arrives before it
      props.setProperty('c', '1'); // 4
      props.setProperty('d', '1'); // 5
      return inner!;
    });
    // It arrived 3 calls (450 ms) before the end released the lock: within its 500 ms.
    expect(held.value).toBe(true);
    expect(ws.locks.holds().find((h) => h.label === 'inner')!.waitedMs).toBe(450);
  });
});

describe('ws.faults.cutOffAtCall: an execution dies at its n-th call', () => {
  it('that call and every later one of that execution fail with the time-limit error; its lock is released; other executions go on', () => {
    const { ws, LockService, PropertiesService } = setup();
    ws.faults.cutOffAtCall(4);
    const seen: string[] = [];
    expect(() =>
      ws.execution(() => {
        const lock = LockService.getDocumentLock()!; // 1
        lock.tryLock(0); // 2
        const props = PropertiesService.getDocumentProperties()!; // 3
        try {
          props.setProperty('a', '1'); // 4: dies here
        } catch (e) {
          seen.push((e as Error).message);
        }
        try {
          props.setProperty('b', '1');
        } catch (e) {
          seen.push((e as Error).message);
        }
        props.getProperty('a');
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(seen).toEqual(['Exceeded maximum execution time', 'Exceeded maximum execution time']);
    expect(ws.faults.sweepState().failed).toBe('PropertiesService:Properties.setProperty');
    expect(PropertiesService.getDocumentProperties()!.getKeys()).toEqual([]);
    expect(ws.execution(() => LockService.getDocumentLock()!.tryLock(0))).toBe(true);
  });
});
