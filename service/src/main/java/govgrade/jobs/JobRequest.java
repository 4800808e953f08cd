package govgrade.jobs;

import java.time.LocalDate;

/**
 * What a job is asked to do: {@code kind} whatif (each run regraded as a stored what-if) or
 * regrade (each run graded again as a new stored run); every stored run of {@code pack}, or those
 * within {@code from}..{@code to}, or those whose period holds {@code day}; under {@code version}
 * (null: the active one). {@code who}: the X-Actor, null when none.
 */
public record JobRequest(String kind, String pack, String version, LocalDate from, LocalDate to, LocalDate day,
                         String who) {
    public static final String WHATIF = "whatif";
    public static final String REGRADE = "regrade";

    public JobRequest {
        if (!WHATIF.equals(kind) && !REGRADE.equals(kind)) {
            throw new IllegalArgumentException("kind: expected \"whatif\" or \"regrade\"");
        }
        if ((from == null) != (to == null) || (from != null && from.isAfter(to))) {
            throw new IllegalArgumentException("period: expected from and to, from not after to");
        }
    }
}
