package govgrade.facts;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads a batch's JSON into {@link Batch} as CONTRACT.md types it: the head (pack, period), units,
 * columns and activity here, accounts in {@link AccountBinder}. Every value of the wrong kind,
 * unknown or repeated field is reported at its path and reading goes on; lists are cut at their
 * limit while read, so nothing past a limit is ever built.
 */
final class BatchBinder {
    private static final String[] BATCH = {"pack", "period", "units", "accounts", "columns", "activity", "earlier"};
    private static final String[] PERIOD = {"from", "to", "checkDate"};
    static final String[] UNIT = {"id", "name", "group", "region", "findings", "figures"};
    static final String[] COLUMN = {"unit", "name", "cadence", "updates", "findings", "figures"};
    static final String[] ACTIVITY = {"unit", "channel", "posts", "submitted", "adopted", "adoptedInMonth",
        "findings", "figures"};
    private static final String[] FINDING = {"code", "note"};

    private final JsonCursor c;
    private final BatchLimits limits;

    private BatchBinder(JsonCursor c, BatchLimits limits) {
        this.c = c;
        this.limits = limits;
    }

    /** The batch the cursor stands on (the first token read), or null where the JSON is not an object. */
    static Batch batch(JsonCursor c, BatchLimits limits) throws IOException {
        return new BatchBinder(c, limits).batch();
    }

    private Batch batch() throws IOException {
        if (!c.startObject(BATCH, "a JSON object with pack, period and facts")) {
            return null;
        }
        String pack = null;
        Batch.Period period = null;
        List<Batch.Unit> units = null;
        List<Batch.Account> accounts = null;
        List<Batch.Column> columns = null;
        List<Batch.Activity> activity = null;
        List<Batch.Earlier> earlier = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "pack" -> pack = c.string();
                case "period" -> period = period();
                case "units" -> units = JsonArrays.read(c, "an array of units", limits.units(), "units",
                        BatchLimits.UNITS, this::unit);
                case "accounts" -> accounts = new AccountBinder(c, limits).accounts();
                case "columns" -> columns = JsonArrays.read(c, "an array of columns", limits.columns(), "columns",
                        BatchLimits.COLUMNS, this::column);
                case "activity" -> activity = JsonArrays.read(c, "an array of activity entries", limits.activity(),
                        "activity entries", BatchLimits.ACTIVITY, this::activity);
                case "earlier" -> earlier = new EarlierBinder(c, limits).earlier();
                default -> c.unknownField();
            }
        }
        return new Batch(pack, period, units, accounts, columns, activity, earlier);
    }

    private Batch.Period period() throws IOException {
        if (!c.startObject(PERIOD, "an object with from, to and optionally checkDate")) {
            return null;
        }
        LocalDate from = null;
        LocalDate to = null;
        LocalDate checkDate = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "from" -> from = c.date();
                case "to" -> to = c.date();
                case "checkDate" -> checkDate = c.date();
                default -> c.unknownField();
            }
        }
        return new Batch.Period(from, to, checkDate);
    }

    private Batch.Unit unit() throws IOException {
        if (!c.startObject(UNIT, "a unit object")) {
            return null;
        }
        String id = null;
        String name = null;
        Group group = null;
        String region = null;
        List<Batch.Finding> findings = null;
        Map<String, Object> figures = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "id" -> id = c.string();
                case "name" -> name = c.string();
                case "group" -> group = c.parsed(Group::parse, "township or department");
                case "region" -> region = c.string();
                case "findings" -> findings = findings(c, limits);
                case "figures" -> figures = FiguresBinder.figures(c);
                default -> c.unknownField();
            }
        }
        return new Batch.Unit(id, name, group, region, findings, figures);
    }

    private Batch.Column column() throws IOException {
        if (!c.startObject(COLUMN, "a column object")) {
            return null;
        }
        String unit = null;
        String name = null;
        Cadence cadence = null;
        Integer updates = null;
        List<Batch.Finding> findings = null;
        Map<String, Object> figures = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "unit" -> unit = c.string();
                case "name" -> name = c.string();
                case "cadence" -> cadence = c.parsed(Cadence::parse, "a cadence such as 2/month");
                case "updates" -> updates = c.whole();
                case "findings" -> findings = findings(c, limits);
                case "figures" -> figures = FiguresBinder.figures(c);
                default -> c.unknownField();
            }
        }
        return new Batch.Column(unit, name, cadence, updates, findings, figures);
    }

    private Batch.Activity activity() throws IOException {
        if (!c.startObject(ACTIVITY, "an activity object")) {
            return null;
        }
        String unit = null;
        Channel channel = null;
        Integer posts = null;
        Integer submitted = null;
        Integer adopted = null;
        Integer adoptedInMonth = null;
        List<Batch.Finding> findings = null;
        Map<String, Object> figures = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "unit" -> unit = c.string();
                case "channel" -> channel = c.parsed(Channel::parse, "disclosure, news, submissions or adoption");
                case "posts" -> posts = c.whole();
                case "submitted" -> submitted = c.whole();
                case "adopted" -> adopted = c.whole();
                case "adoptedInMonth" -> adoptedInMonth = c.whole();
                case "findings" -> findings = findings(c, limits);
                case "figures" -> figures = FiguresBinder.figures(c);
                default -> c.unknownField();
            }
        }
        return new Batch.Activity(unit, channel, posts, submitted, adopted, adoptedInMonth, findings, figures);
    }

    /** The findings of a unit, account, column or activity entry. */
    static List<Batch.Finding> findings(JsonCursor c, BatchLimits limits) throws IOException {
        return JsonArrays.read(c, "an array of findings", limits.findingsPerEntry(), "findings", BatchLimits.FINDINGS,
                () -> finding(c));
    }

    private static Batch.Finding finding(JsonCursor c) throws IOException {
        if (!c.startObject(FINDING, "a finding object { \"code\": ..., \"note\": ... }")) {
            return null;
        }
        String code = null;
        String note = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "code" -> code = c.string();
                case "note" -> note = c.string();
                default -> c.unknownField();
            }
        }
        return new Batch.Finding(code, note);
    }
}
