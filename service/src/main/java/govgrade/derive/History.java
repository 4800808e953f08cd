package govgrade.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A subject's earlier periods, nearest first: period one back ends the day before this one starts,
 * two back the day before one back starts, and so on. A period nobody supplied, or one without a
 * result for this subject, is unknown: the chain is not read past an unknown period (unknown is not
 * zero), so {@code back(n)} is null from there and a run stops there. Which periods rules read is
 * noted, as figure reads are, so the result can say which earlier run (or the batch) it rests on.
 */
public final class History {
    /** A subject with nothing supplied (one a rule made up): all unknown. Not shared: it notes reads. */
    static History none() {
        return new History(new Chain(List.of(), null), null);
    }

    /**
     * The periods found for a batch, nearest first, and the end of the first one not found (null
     * where the chain stopped at its limit or nothing was looked for).
     */
    record Chain(List<PastPeriod> found, LocalDate missingTo) {
    }

    /** One period back as the explanation shows it: found (period set) or unknown (why). */
    public record Read(int back, PastPeriod period, LocalDate missingTo, String missing) {
    }

    private final Chain chain;
    private final List<EarlierPeriod> known = new ArrayList<>();
    private final String whyUnknown;
    private long reads;

    History(Chain chain, String subjectKey) {
        this.chain = chain;
        String why = null;
        for (PastPeriod p : chain.found()) {
            PastPeriod.PastResult r = subjectKey == null ? null : p.results().get(subjectKey);
            if (r == null) {
                why = "the subject has no result in that period";
                break;
            }
            known.add(new EarlierPeriod(known.size() + 1, p, r));
        }
        if (why == null) {
            why = chain.missingTo() == null ? "no earlier period was supplied"
                    : "no period ending " + chain.missingTo() + " was supplied: not carried by the batch, not stored "
                    + "for the pack (nor given with --earlier)";
        }
        this.whyUnknown = why;
    }

    /** The subject {@code n} periods back (1 is the one just before); null where unknown or {@code n} < 1. */
    public EarlierPeriod back(int n) {
        if (n < 1) {
            return null;
        }
        note(Math.min(n, known.size() + 1));
        return n <= known.size() ? known.get(n - 1) : null;
    }

    /** How many periods running, just before this one, the figure was 0; stops at an unknown period or figure. */
    public int zeroRun(String figure) {
        int n = 0;
        while (n < known.size()) {
            BigDecimal v = known.get(n).figure(figure);
            note(n + 1);
            if (v == null || v.signum() != 0) {
                return n;
            }
            n++;
        }
        note(n + 1);
        return n;
    }

    /** How many periods running, just before this one, the subject had the problem; stops at an unknown period. */
    public int problemRun(String code) {
        int n = 0;
        while (n < known.size()) {
            note(n + 1);
            if (!known.get(n).hasProblem(code)) {
                return n;
            }
            n++;
        }
        note(n + 1);
        return n;
    }

    /** How many periods back are known for the subject, without a gap. */
    public int getKnown() {
        return known.size();
    }

    private void note(int back) {
        if (back <= 63) {
            reads |= 1L << back;
        }
    }

    /** The periods rules read, nearest first; an unknown one says why. Asking does not count as a read. */
    List<Read> reads() {
        List<Read> out = new ArrayList<>();
        for (int b = 1; b <= 63 && (reads >>> b) != 0; b++) {
            if ((reads & (1L << b)) == 0) {
                continue;
            }
            if (b <= known.size()) {
                out.add(new Read(b, chain.found().get(b - 1), null, null));
            } else {
                LocalDate to = b - 1 < chain.found().size() ? chain.found().get(b - 1).to() : chain.missingTo();
                out.add(new Read(b, b - 1 < chain.found().size() ? chain.found().get(b - 1) : null, to, whyUnknown));
            }
        }
        return out;
    }
}
