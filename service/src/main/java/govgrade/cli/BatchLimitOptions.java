package govgrade.cli;

import govgrade.facts.BatchLimits;
import picocli.CommandLine.Option;

/** The options that raise a batch's limits, shared by {@code serve} and {@code grade} so both refuse alike. */
final class BatchLimitOptions {
    private static final BatchLimits D = BatchLimits.DEFAULTS;

    @Option(names = "--max-period-days", paramLabel = "N", description = "longest period of a batch in days (default ${DEFAULT-VALUE})")
    int periodDays = D.periodDays();

    @Option(names = "--max-units", paramLabel = "N", description = "units in a batch (default ${DEFAULT-VALUE})")
    int units = D.units();

    @Option(names = "--max-accounts", paramLabel = "N", description = "accounts in a batch (default ${DEFAULT-VALUE})")
    int accounts = D.accounts();

    @Option(names = "--max-columns", paramLabel = "N", description = "columns in a batch (default ${DEFAULT-VALUE})")
    int columns = D.columns();

    @Option(names = "--max-activity", paramLabel = "N", description = "activity entries in a batch (default ${DEFAULT-VALUE})")
    int activity = D.activity();

    @Option(names = "--max-posts-per-account", paramLabel = "N", description = "posts of one account (default ${DEFAULT-VALUE})")
    int posts = D.postsPerAccount();

    @Option(names = "--max-messages-per-account", paramLabel = "N",
            description = "messages of one account (default ${DEFAULT-VALUE})")
    int messages = D.messagesPerAccount();

    @Option(names = "--max-findings", paramLabel = "N",
            description = "findings of one unit, account, column or activity entry (default ${DEFAULT-VALUE})")
    int findings = D.findingsPerEntry();

    @Option(names = "--max-string-chars", paramLabel = "N",
            description = "characters of any string in a batch: ids, names, notes (default ${DEFAULT-VALUE})")
    int stringChars = D.stringChars();

    @Option(names = "--max-errors-listed", paramLabel = "N",
            description = "mistakes listed when a batch is refused; the rest are counted (default ${DEFAULT-VALUE})")
    int errorsListed = D.errorsListed();

    @Option(names = "--max-earlier-periods", paramLabel = "N",
            description = "earlier periods a batch carries, and how far back stored runs are chained (default ${DEFAULT-VALUE})")
    int earlierPeriods = D.earlierPeriods();

    @Option(names = "--max-earlier-results", paramLabel = "N",
            description = "results of one earlier period a batch carries (default ${DEFAULT-VALUE})")
    int earlierResults = D.earlierResults();

    /** The limits given; throws IllegalArgumentException naming an option out of range. */
    BatchLimits limits() {
        return new BatchLimits(periodDays, units, accounts, columns, activity, posts, messages, findings, stringChars,
                errorsListed, earlierPeriods, earlierResults);
    }
}
