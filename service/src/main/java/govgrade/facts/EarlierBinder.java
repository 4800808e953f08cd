package govgrade.facts;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a batch's {@code earlier} list: earlier periods, each with its subjects' results (grade,
 * problem codes, figures by name). Strict like the rest of the batch: every mistake at its path,
 * both lists cut at their limits while read.
 */
final class EarlierBinder {
    private static final String[] EARLIER = {"period", "results"};
    private static final String[] PERIOD = {"from", "to"};
    private static final String[] RESULT = {"type", "id", "channel", "grade", "problems", "figures"};
    /** A figure name as the built-in ones and a pack's declared ones are written: posts, adoptedInMonth. */
    static final Pattern FIGURE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final JsonCursor c;
    private final BatchLimits limits;

    EarlierBinder(JsonCursor c, BatchLimits limits) {
        this.c = c;
        this.limits = limits;
    }

    List<Batch.Earlier> earlier() throws IOException {
        return JsonArrays.read(c, "an array of earlier periods", limits.earlierPeriods(), "earlier periods",
                BatchLimits.EARLIER_PERIODS_FLAG, this::period);
    }

    private Batch.Earlier period() throws IOException {
        if (!c.startObject(EARLIER, "an earlier period { \"period\": {\"from\", \"to\"}, \"results\": [...] }")) {
            return null;
        }
        Batch.Period period = null;
        List<Batch.EarlierResult> results = new ArrayList<>();
        while (c.nextField()) {
            switch (c.name()) {
                case "period" -> period = span();
                case "results" -> results = JsonArrays.read(c, "an array of results", limits.earlierResults(),
                        "earlier results", BatchLimits.EARLIER_RESULTS, this::result);
                default -> c.unknownField();
            }
        }
        return new Batch.Earlier(period, results);
    }

    private Batch.Period span() throws IOException {
        if (!c.startObject(PERIOD, "an object with from and to")) {
            return null;
        }
        LocalDate from = null;
        LocalDate to = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "from" -> from = c.date();
                case "to" -> to = c.date();
                default -> c.unknownField();
            }
        }
        return new Batch.Period(from, to, null);
    }

    private Batch.EarlierResult result() throws IOException {
        if (!c.startObject(RESULT, "a result object { \"type\", \"id\", \"channel\", ... }")) {
            return null;
        }
        String type = null;
        String id = null;
        Channel channel = null;
        String grade = null;
        List<String> problems = null;
        Map<String, BigDecimal> figures = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "type" -> type = c.string();
                case "id" -> id = c.string();
                case "channel" -> channel = c.parsed(Channel::parse,
                        "new-media, columns, news, disclosure, submissions or adoption");
                case "grade" -> grade = c.string();
                case "problems" -> problems = problems();
                case "figures" -> figures = figures();
                default -> c.unknownField();
            }
        }
        return new Batch.EarlierResult(type, id, channel, grade, problems, figures);
    }

    private List<String> problems() throws IOException {
        return JsonArrays.read(c, "an array of problem codes", limits.findingsPerEntry(), "problem codes",
                BatchLimits.FINDINGS, c::string);
    }

    /** Figures by name: any name of letters and digits (a pack may declare its own), each a number, once. */
    private Map<String, BigDecimal> figures() throws IOException {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        if (!c.startObject(new String[0], "an object of figures by name, e.g. {\"posts\": 0}")) {
            return map;
        }
        while (c.nextField()) {
            String name = c.name();
            if (!FIGURE_NAME.matcher(name).matches()) {
                c.refuse("the figure name " + Violations.quote(name), "a figure name of letters and digits, "
                        + "starting with a letter, such as posts or submitted");
                c.wrongUnlessNull("");
                continue;
            }
            if (map.containsKey(name)) {
                c.refuse("the figure \"" + name + "\" a second time", "each figure once");
                c.wrongUnlessNull("");
                continue;
            }
            if (map.size() >= limits.findingsPerEntry()) {
                c.overLimit("more than " + limits.findingsPerEntry() + " figures", "at most " + limits.findingsPerEntry()
                        + " figures (raise with " + BatchLimits.FINDINGS + ")");
                c.wrongUnlessNull("");
                continue;
            }
            BigDecimal v = c.number();
            if (v != null) {
                map.put(name, v); // null is the same as leaving the figure out, as everywhere in a batch
            }
        }
        return map;
    }
}
