// A change made by another request at one exact moment, without relying on timing luck: the test
// holds a customer's row in a transaction of its own (as lockCustomer does), makes its change in
// it, starts the action under test, lets it run into the held row, then commits. An action that
// reads what the rule depends on under that row sees the change; one that does not, misses it.
import { db, type Tx } from "@/lib/db";

/** What the action ended with: "done", or the message it was refused with. */
export async function whileCustomerHeld(customerId: string, change: (tx: Tx) => Promise<unknown>, action: () => Promise<unknown>): Promise<string> {
  let outcome: Promise<string> = Promise.resolve("not started");
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Customer" SET "name" = "name" WHERE "id" = ${customerId}`;
    await change(tx);
    outcome = action().then(
      () => "done",
      (error: Error) => error.message,
    );
    // Long enough for the action to reach the held row (on SQLite it waits for this transaction as a whole).
    await new Promise((resolve) => setTimeout(resolve, 400));
  });
  return outcome;
}
