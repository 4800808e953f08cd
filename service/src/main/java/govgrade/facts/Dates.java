package govgrade.facts;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * The one reading of a batch's dates: exactly YYYY-MM-DD, a real day, a four-digit year. Strict
 * on purpose: a date-time, a signed or five-digit year is a client's mistake, and a year such as
 * -5877000 would make a period of billions of days. Days of 1970-2099 are shared instances: a
 * national batch holds millions of post dates over a few hundred days.
 */
final class Dates {
    private static final int FIRST_YEAR = 1970;
    private static final int YEARS = 130;
    private static final LocalDate[] SHARED = new LocalDate[YEARS * 372];

    private Dates() {
    }

    /** The date written in {@code c[from, from + length)}, or null if it is not exactly YYYY-MM-DD and real. */
    static LocalDate parse(char[] c, int from, int length) {
        if (length != 10 || c[from + 4] != '-' || c[from + 7] != '-') {
            return null;
        }
        return day(digits(c, from, 4), digits(c, from + 5, 2), digits(c, from + 8, 2));
    }

    /** As {@link #parse(char[], int, int)}, for the ten bytes of ASCII at {@code from} ({@link PostScan}). */
    static LocalDate parse(byte[] b, int from) {
        if (b[from + 4] != '-' || b[from + 7] != '-') {
            return null;
        }
        return day(digits(b, from, 4), digits(b, from + 5, 2), digits(b, from + 8, 2));
    }

    private static LocalDate day(int y, int m, int d) {
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > Month.of(m).length(Year.isLeap(y))) {
            return null;
        }
        if (y < FIRST_YEAR || y >= FIRST_YEAR + YEARS) {
            return LocalDate.of(y, m, d);
        }
        int slot = slot(y, m, d);
        LocalDate shared = SHARED[slot];
        if (shared == null) {
            // A benign race: LocalDate is immutable, two threads at worst make two equal ones.
            shared = LocalDate.of(y, m, d);
            SHARED[slot] = shared;
        }
        return shared;
    }

    /** A slot per day of 1970-2099 (31 per month, some unused), or -1 for days outside those years. */
    static int slot(LocalDate date) {
        int y = date.getYear();
        return y < FIRST_YEAR || y >= FIRST_YEAR + YEARS ? -1 : slot(y, date.getMonthValue(), date.getDayOfMonth());
    }

    static int slots() {
        return SHARED.length;
    }

    private static int slot(int y, int m, int d) {
        return (y - FIRST_YEAR) * 372 + (m - 1) * 31 + (d - 1);
    }

    private static int digits(char[] c, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int digit = c[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            v = v * 10 + digit;
        }
        return v;
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            v = v * 10 + digit;
        }
        return v;
    }
}
