package govgrade.facts;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Checks each new-media account: its own fields, stated gaps, messages; its posts have {@link PostChecks}. */
final class AccountChecks {
    /** Accounts from which they are checked on every core first (a national batch; never a county's). */
    static final int PARALLEL_FROM = 10_000;
    private static final int CHUNK = 2_000;

    private AccountChecks() {
    }

    static void check(List<Batch.Account> list, Map<String, Batch.Unit> units, Batch.Period p, boolean countDays,
                      Violations out) {
        if (list.size() >= PARALLEL_FROM && clean(list, units, p, countDays)) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            one(list.get(i), "accounts[" + i + "]", ids, units, p, countDays, out);
        }
    }

    /**
     * True when no account of a large batch has anything to report: its accounts checked on every core,
     * each chunk counting (not wording) what it finds. A batch with a mistake is checked again in order on
     * one thread, so its refusal lists the same violations in the same order as always.
     */
    private static boolean clean(List<Batch.Account> list, Map<String, Batch.Unit> units, Batch.Period p,
                                 boolean countDays) {
        int chunks = (list.size() + CHUNK - 1) / CHUNK;
        boolean each = IntStream.range(0, chunks).parallel().allMatch(c -> {
            Violations found = new Violations(0);
            for (int i = c * CHUNK; i < Math.min(list.size(), (c + 1) * CHUNK) && found.isEmpty(); i++) {
                one(list.get(i), "accounts[" + i + "]", null, units, p, countDays, found);
            }
            return found.isEmpty();
        });
        if (!each) {
            return false;
        }
        Set<String> ids = new HashSet<>(list.size() * 4 / 3 + 1);
        for (Batch.Account a : list) {
            if (!ids.add(a.id())) {
                return false;
            }
        }
        return true;
    }

    /** One account's checks; {@code ids}: those seen before it, or null where uniqueness is checked apart. */
    private static void one(Batch.Account a, String at, Set<String> ids, Map<String, Batch.Unit> units,
                            Batch.Period p, boolean countDays, Violations out) {
        if (a == null) {
            out.add(at, "null", "an account object");
            return;
        }
        if (Violations.blank(a.id())) {
            out.add(at + ".id", "nothing", "an account id");
        } else if (ids != null && !ids.add(a.id())) {
            out.add(at + ".id", Violations.quote(a.id()) + " a second time", "ids unique within accounts");
        }
        if (Violations.blank(a.name())) {
            out.add(at + ".name", "nothing", "the account's name");
        }
        if (a.platform() == null) {
            out.add(at + ".platform", "nothing", "a platform code or Chinese name, e.g. wechat or 微信公众号");
        }
        if (a.unit() != null && !units.containsKey(a.unit())) {
            out.add(at + ".unit", Violations.quote(a.unit()), "the id of a unit listed in units");
        }
        out.nonNegative(a.originals(), at, ".originals");
        out.nonNegative(a.reposts(), at, ".reposts");
        out.nonNegative(a.recommendedReposts(), at, ".recommendedReposts");
        if (a.lastUpdate() != null && p != null && p.to() != null && a.lastUpdate().isAfter(p.to())) {
            out.add(at + ".lastUpdate", a.lastUpdate().toString(),
                    "a date on or before period.to (" + p.to() + ")");
        }
        span(a.longestGap(), at, ".longestGap", p, out);
        span(a.longestOriginalGap(), at, ".longestOriginalGap", p, out);
        if (a.hasPosts()) {
            PostChecks.check(a, at, countDays ? p : null, out);
        }
        out.findings(a.findings(), at);
        messages(a.messages(), at, out);
    }

    private static void messages(List<Batch.Message> messages, String at, Violations out) {
        for (int m = 0; m < messages.size(); m++) {
            Batch.Message msg = messages.get(m);
            String mat = at + ".messages[" + m + "]";
            if (msg == null) {
                out.add(mat, "null", "a message object");
            } else if (msg.received() == null) {
                out.add(mat + ".received", "nothing", "the instant the message came in");
            } else if (msg.answered() != null && msg.answered().isBefore(msg.received())) {
                out.add(mat + ".answered", msg.answered().toString(),
                        "an instant on or after received (" + msg.received() + ")");
            }
        }
    }

    private static void span(Batch.DateSpan s, String owner, String field, Batch.Period p, Violations out) {
        if (s == null) {
            return;
        }
        String at = owner + field;
        if (s.from() == null || s.to() == null) {
            // At the end that is missing: where it was unreadable, that was reported already.
            out.add(at + (s.from() == null ? ".from" : ".to"), "a span without " + (s.from() == null ? "from" : "to"),
                    "{ \"from\": date, \"to\": date }");
        } else if (s.to().isBefore(s.from())) {
            out.add(at + ".to", s.to().toString(), "a date on or after " + at + ".from (" + s.from() + ")");
        } else if (p != null && p.from() != null && p.to() != null
                && (s.from().isBefore(p.from()) || s.to().isAfter(p.to()))) {
            out.add(at, s.from() + " to " + s.to(), "a span inside the period " + p.from() + " to " + p.to());
        }
    }
}
