import "server-only";
// SQLite runs on one connection (better-sqlite3). Prisma's adapter serializes transactions with
// each other, but a plain query issued while another request's transaction is open runs on the
// same connection, inside that transaction: it reads its uncommitted rows, and a plain write is
// undone if that transaction rolls back. Here every statement outside a transaction waits while a
// transaction holds the connection, and a transaction waits for the statement before it.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A FIFO lock: `run` waits for everything queued before it. */
class Lock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

function serialize(adapter: Adapter): Adapter {
  const lock = new Lock();
  const overrides: Partial<Adapter> = {
    queryRaw: (query) => lock.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => lock.run(() => adapter.executeRaw(query)),
    executeScript: (script) => lock.run(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const release = await lock.acquire();
      let tx: Transaction;
      try {
        tx = await adapter.startTransaction(isolationLevel);
      } catch (e) {
        release();
        throw e;
      }
      const end = (finish: () => Promise<void>) => () => finish().finally(release);
      return Object.assign(Object.create(tx) as Transaction, { commit: end(() => tx.commit()), rollback: end(() => tx.rollback()) });
    },
  };
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop in overrides) return overrides[prop as keyof Adapter];
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * The one connection's page cache: SQLite's default of 2 MB made every grid page of a large
 * database read its pages from the operating system again; 64 MB holds the hot indexes. Sorts
 * and materialized sets of a search stay in memory. Durability settings are SQLite's defaults.
 */
const TUNING = `PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;`;

/** The SQLite adapter factory of Prisma, whose connection serializes plain statements with transactions. */
export class SerializedSQLite extends PrismaBetterSQLite3 {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    await adapter.executeScript(TUNING);
    return serialize(adapter);
  }
}
