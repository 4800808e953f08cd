package govgrade.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one benchmark run, printed as they come and again as one Markdown table. */
final class Report {
    record Row(String figure, String value, String note) {
    }

    private final PrintWriter out;
    private final List<Row> rows = new ArrayList<>();

    Report(PrintWriter out) {
        this.out = out;
    }

    void add(String figure, String value, String note) {
        rows.add(new Row(figure, value, note));
        out.printf("  %-58s %-22s %s%n", figure, value, note);
        out.flush();
    }

    void section(String title) {
        out.println();
        out.println(title);
        out.flush();
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void printTable() {
        out.println();
        out.println("| figure | value | note |");
        out.println("| --- | --- | --- |");
        for (Row r : rows) {
            out.println("| " + r.figure() + " | " + r.value() + " | " + r.note() + " |");
        }
        out.flush();
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }
}
