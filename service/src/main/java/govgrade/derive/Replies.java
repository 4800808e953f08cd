package govgrade.derive;

import govgrade.facts.Batch;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** How long each message waited for an answer, in hours, sorted so a limit is a binary search. */
final class Replies {
    private static final Replies NONE = new Replies(new double[0]);
    private final double[] waits;

    private Replies(double[] waits) {
        this.waits = waits;
    }

    static Replies of(List<Batch.Message> messages, LocalDate checkDate) {
        if (messages.isEmpty()) {
            return NONE;
        }
        double[] waits = new double[messages.size()];
        for (int i = 0; i < waits.length; i++) {
            Batch.Message m = messages.get(i);
            OffsetDateTime end = m.answered();
            if (end == null) {
                // Unanswered: it has waited until the end of the check date, in its own offset.
                ZoneOffset zone = m.received().getOffset();
                end = checkDate.plusDays(1).atStartOfDay().atOffset(zone);
            }
            waits[i] = Math.max(0, Duration.between(m.received(), end).toSeconds() / 3600.0);
        }
        Arrays.sort(waits);
        return new Replies(waits);
    }

    int received() {
        return waits.length;
    }

    int laterThan(double hours) {
        int i = Arrays.binarySearch(waits, hours);
        if (i < 0) {
            return waits.length - (-i - 1);
        }
        while (i < waits.length && waits[i] <= hours) {
            i++;
        }
        return waits.length - i;
    }

    double longestHours() {
        return waits.length == 0 ? 0 : waits[waits.length - 1];
    }
}
