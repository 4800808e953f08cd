package govgrade.facts;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks what units published on their websites: columns with their cadence, and channel activity. */
final class PublishedChecks {
    private PublishedChecks() {
    }

    static void columns(List<Batch.Column> list, Map<String, Batch.Unit> units, Violations out) {
        for (int i = 0; i < list.size(); i++) {
            Batch.Column c = list.get(i);
            String at = "columns[" + i + "]";
            if (c == null) {
                out.add(at, "null", "a column object");
                continue;
            }
            out.unitRef(c.unit(), at + ".unit", units);
            if (Violations.blank(c.name())) {
                out.add(at + ".name", "nothing", "the column's name");
            }
            if (c.cadence() == null) {
                out.add(at + ".cadence", "nothing", "realtime, N/week, N/month, N/quarter, N/half-year or N/year");
            }
            if (c.updates() == null) {
                out.add(at + ".updates", "nothing", "the number of updates in the period, a whole number >= 0");
            }
            out.nonNegative(c.updates(), at, ".updates");
            out.findings(c.findings(), at);
        }
    }

    static void activity(List<Batch.Activity> list, Map<String, Batch.Unit> units, Violations out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Batch.Activity a = list.get(i);
            String at = "activity[" + i + "]";
            if (a == null) {
                out.add(at, "null", "an activity object");
                continue;
            }
            out.unitRef(a.unit(), at + ".unit", units);
            if (a.channel() == null) {
                out.add(at + ".channel", "nothing", "disclosure, news, submissions or adoption");
            } else if (a.channel() == Channel.NEW_MEDIA || a.channel() == Channel.COLUMNS) {
                out.add(at + ".channel", "\"" + a.channel().code() + "\"",
                        "disclosure, news, submissions or adoption (accounts and columns have their own lists)");
            } else if (a.unit() != null && !seen.add(a.unit() + "\u0000" + a.channel())) {
                out.add(at, "a second " + a.channel().code() + " entry for unit \"" + a.unit() + "\"",
                        "one entry per unit and channel");
            }
            out.nonNegative(a.posts(), at, ".posts");
            out.nonNegative(a.submitted(), at, ".submitted");
            out.nonNegative(a.adopted(), at, ".adopted");
            out.nonNegative(a.adoptedInMonth(), at, ".adoptedInMonth");
            out.findings(a.findings(), at);
        }
    }
}
