package govgrade.facts;

import static govgrade.facts.BatchEdits.read;
import static govgrade.facts.BatchEdits.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch large enough for its accounts to be checked on every core first: clean, it reads as ever;
 * with mistakes anywhere (the last account too), it is refused with every one of them, in order.
 */
class LargeBatchChecksTest {
    static final int ACCOUNTS = AccountChecks.PARALLEL_FROM + 2_000;
    private static final int LAST = ACCOUNTS - 1;

    @Test
    void aCleanLargeBatchReadsWithEveryAccount() {
        assertEquals(ACCOUNTS, read(batch(ACCOUNTS, -1, "", -1)).accounts().size());
    }

    @Test
    void mistakesInTheFirstAndTheLastAccountAreEachReportedInOrder() {
        List<Violation> all = violations(batch(ACCOUNTS, 5, "", LAST));
        assertEquals(List.of("accounts[5].originals", "accounts[" + LAST + "].posts[1].date"),
                all.stream().map(Violation::path).toList());
    }

    @Test
    void anIdUsedAgainByTheLastAccountIsReported() {
        List<Violation> all = violations(batch(ACCOUNTS, -1, "acc-7", -1));
        assertEquals(List.of("accounts[" + LAST + "].id"), all.stream().map(Violation::path).toList());
    }

    private static String batch(int accounts, int negative, String lastId, int lateAt) {
        return LargeBatches.json(accounts, negative, lastId, lateAt);
    }
}
