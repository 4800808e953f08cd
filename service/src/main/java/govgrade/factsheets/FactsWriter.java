package govgrade.factsheets;

import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.facts.Cadence;
import govgrade.facts.DeclaredFigure;
import govgrade.facts.DeclaredFigures;
import govgrade.facts.FigurePlace;
import govgrade.facts.FigureType;
import govgrade.facts.Group;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a facts workbook: a pack's template (one example row per sheet) or a batch filled in,
 * in the shape {@link FactsWorkbook#read} reads, with the data validation of {@link Validation}
 * and the 说明 sheet of {@link HelpSheet}.
 */
public final class FactsWriter {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final XSSFWorkbook book = new XSSFWorkbook();
    private final Cells cells = new Cells(book);
    private final DeclaredFigures declared;
    /** The places whose sheets are written: all for a batch, those the pack reads for a template. */
    private final Set<FigurePlace> read;

    private FactsWriter(DeclaredFigures declared, Set<FigurePlace> read) {
        this.declared = declared;
        this.read = read;
    }

    /**
     * Writes {@code batch} into a filled facts workbook: what a county office would upload for it.
     * Read back by {@link FactsWorkbook#read}, it makes the same batch (platforms, groups, channels
     * and cadences by their codes). {@code declared}: the pack's figures, as column headers.
     */
    public static void write(Batch batch, DeclaredFigures declared, OutputStream out) throws IOException {
        new FactsWriter(declared, EnumSet.allOf(FigurePlace.class)).book(batch, out);
    }

    /**
     * Writes a batch given as JSON (read and checked as {@code POST /api/v1/grade} reads it) into a
     * filled facts workbook; {@code declared}: the pack's figures (may be {@link DeclaredFigures#NONE}).
     */
    public static void write(InputStream json, DeclaredFigures declared, OutputStream out)
            throws BatchRejected, IOException {
        write(BatchReader.read(json, null), declared, out);
    }

    /** The facts template of a pack: every sheet and column, with one example row each. */
    public static void template(String pack, DeclaredFigures declared, OutputStream out) throws IOException {
        template(pack, declared, EnumSet.allOf(FigurePlace.class), out);
    }

    /**
     * The facts template of a pack whose rules read only {@code read} (units, 问题 and 往期结果 are
     * always there): the sheets of accounts (账号, 发文, 留言), columns (栏目) or activity (报送与动态)
     * a pack never reads are left out, so an office fills in only what counts.
     */
    public static void template(String pack, DeclaredFigures declared, Set<FigurePlace> read, OutputStream out)
            throws IOException {
        Set<FigurePlace> places = EnumSet.of(FigurePlace.UNIT);
        places.addAll(read);
        Batch example = Example.batch(pack, declared);
        example = new Batch(example.pack(), example.period(), example.units(),
                places.contains(FigurePlace.ACCOUNT) ? example.accounts() : List.of(),
                places.contains(FigurePlace.COLUMN) ? example.columns() : List.of(),
                places.contains(FigurePlace.ACTIVITY) ? example.activity() : List.of());
        new FactsWriter(declared, places).book(example, out);
    }

    private void book(Batch batch, OutputStream out) throws IOException {
        Layout layout = new Layout(declared, List.of(extra(batch.units().stream().map(Batch.Unit::figures).toList()),
                extra(batch.accounts().stream().map(Batch.Account::figures).toList()),
                extra(batch.columns().stream().map(Batch.Column::figures).toList()),
                extra(batch.activity().stream().map(Batch.Activity::figures).toList())));
        try (book) {
            head(batch);
            List<Map<String, Object>> posts = new ArrayList<>();
            List<Map<String, Object>> messages = new ArrayList<>();
            List<Map<String, Object>> findings = new ArrayList<>();
            table(FigurePlace.UNIT, Layout.UNITS, layout.units, batch.units().stream().map(u -> {
                findings(findings, Layout.UNITS, u.id(), null, u.findings());
                return row(u.figures(), FigurePlace.UNIT, "id", u.id(), "name", u.name(), "group", group(u.group()),
                        "region", u.region());
            }).toList());
            table(FigurePlace.ACCOUNT, Layout.ACCOUNTS, layout.accounts, batch.accounts().stream().map(a -> {
                findings(findings, Layout.ACCOUNTS, a.id(), null, a.findings());
                if (a.posts() != null) {
                    a.posts().forEach(p -> posts.add(row(null, null, "account", a.id(), "date", p.date(),
                            "original", p.original(), "recommended", p.recommended())));
                }
                a.messages().forEach(m -> messages.add(row(null, null, "account", a.id(), "received",
                        instant(m.received()), "answered", instant(m.answered()))));
                return row(a.figures(), FigurePlace.ACCOUNT, "id", a.id(), "name", a.name(), "platform",
                        a.platform() == null ? null : a.platform().chineseName(), "unit", a.unit(), "region",
                        a.region(), "lastUpdate", a.lastUpdate(), "originals", a.originals(), "reposts", a.reposts(),
                        "recommendedReposts", a.recommendedReposts(),
                        "longestGap.from", a.longestGap() == null ? null : a.longestGap().from(),
                        "longestGap.to", a.longestGap() == null ? null : a.longestGap().to(),
                        "longestOriginalGap.from", a.longestOriginalGap() == null ? null : a.longestOriginalGap().from(),
                        "longestOriginalGap.to", a.longestOriginalGap() == null ? null : a.longestOriginalGap().to());
            }).toList());
            table(FigurePlace.ACCOUNT, Layout.POSTS, layout.posts, posts);
            table(FigurePlace.ACCOUNT, Layout.MESSAGES, layout.messages, messages);
            table(FigurePlace.COLUMN, Layout.COLUMNS, layout.columns, batch.columns().stream().map(c -> {
                findings(findings, Layout.COLUMNS, c.unit(), c.name(), c.findings());
                return row(c.figures(), FigurePlace.COLUMN, "unit", c.unit(), "name", c.name(), "cadence",
                        cadence(c.cadence()), "updates", c.updates());
            }).toList());
            table(FigurePlace.ACTIVITY, Layout.ACTIVITY, layout.activity, batch.activity().stream().map(a -> {
                findings(findings, Layout.ACTIVITY, a.unit(), a.channel() == null ? null : a.channel().chineseName(),
                        a.findings());
                return row(a.figures(), FigurePlace.ACTIVITY, "unit", a.unit(), "channel",
                        a.channel() == null ? null : a.channel().chineseName(), "posts", a.posts(), "submitted",
                        a.submitted(), "adopted", a.adopted(), "adoptedInMonth", a.adoptedInMonth());
            }).toList());
            table(null, Layout.FINDINGS, layout.findings, findings);
            table(null, Layout.EARLIER, layout.earlier, earlier(batch));
            HelpSheet.write(book, cells, layout, read);
            book.write(out);
        }
    }

    private void head(Batch batch) {
        Sheet s = book.createSheet(Layout.BATCH);
        Row h = s.createRow(0);
        String[] titles = {"项目", "内容", "说明"};
        for (int i = 0; i < titles.length; i++) {
            h.createCell(i).setCellValue(titles[i]);
            h.getCell(i).setCellStyle(cells.header);
        }
        Batch.Period p = batch.period();
        Object[] values = {batch.pack(), p == null ? null : p.from(), p == null ? null : p.to(),
            p == null ? null : p.checkDate()};
        for (int i = 0; i < Layout.BATCH_ROWS.size(); i++) {
            Row row = s.createRow(i + 1);
            Col c = Layout.BATCH_ROWS.get(i);
            row.createCell(0).setCellValue(c.header());
            cells.put(row, 1, values[i]);
            row.createCell(2).setCellValue((c.required() ? "必填。" : "") + c.help());
        }
        s.setColumnWidth(0, 12 * 256);
        s.setColumnWidth(1, 16 * 256);
        s.setColumnWidth(2, 40 * 256);
        Validation.dates(s, 2, 4, 1);
    }

    /** A sheet of {@code place} (null: a sheet every workbook has), unless the pack never reads it. */
    private void table(FigurePlace place, String name, List<Col> cols, List<Map<String, Object>> rows) {
        if (place != null && !read.contains(place)) {
            return;
        }
        Sheet s = book.createSheet(name);
        cells.header(s, cols);
        for (int r = 0; r < rows.size(); r++) {
            Row row = s.createRow(r + 1);
            for (int c = 0; c < cols.size(); c++) {
                cells.put(row, c, rows.get(r).get(cols.get(c).field()));
            }
        }
        Validation.columns(s, cols, rows.size());
    }

    /** Field and value pairs, and the entry's figures as {@code figures.name}, typed as the pack declares. */
    private Map<String, Object> row(Map<String, Object> figures, FigurePlace place, Object... pairs) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        if (figures != null) {
            figures.forEach((name, v) -> {
                DeclaredFigure d = declared.find(place, name);
                boolean isDate = d != null && d.type() == FigureType.DATE && v instanceof String s && s.length() == 10;
                row.put("figures." + name, isDate ? parseDate((String) v, v) : v);
            });
        }
        return row;
    }

    private static Object parseDate(String s, Object fallback) {
        try {
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private void findings(List<Map<String, Object>> out, String owner, String ref, String which,
                          List<Batch.Finding> findings) {
        for (Batch.Finding f : findings) {
            out.add(row(null, null, "owner", owner, "ref", ref, "which", which, "code", f.code(), "note", f.note()));
        }
    }

    private List<Map<String, Object>> earlier(Batch batch) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Batch.Earlier e : batch.earlier()) {
            for (Batch.EarlierResult r : e.results()) {
                rows.add(row(null, null, "from", e.period() == null ? null : e.period().from(), "to",
                        e.period() == null ? null : e.period().to(), "type", r.type(), "id", r.id(), "channel",
                        r.channel() == null ? null : r.channel().chineseName(), "grade", r.grade(), "problems",
                        r.problems().isEmpty() ? null : String.join(",", r.problems()), "figures",
                        r.figures().isEmpty() ? null : r.figures().entrySet().stream()
                                .map(f -> f.getKey() + "=" + f.getValue().toPlainString())
                                .collect(Collectors.joining(";"))));
            }
        }
        return rows;
    }

    private static Set<String> extra(List<Map<String, Object>> figures) {
        Set<String> names = new LinkedHashSet<>();
        figures.stream().filter(f -> f != null).forEach(f -> names.addAll(f.keySet()));
        return names;
    }

    /** Beijing time as an office types it (2021-01-05 09:30); another offset in full ISO form. */
    static String instant(OffsetDateTime t) {
        if (t == null) {
            return null;
        }
        if (!t.getOffset().equals(CellValues.BEIJING) || t.getNano() != 0) {
            return t.toString();
        }
        return t.toLocalDateTime().format(t.getSecond() == 0 ? MINUTES : SECONDS);
    }

    static String group(Group g) {
        return g == null ? null : g == Group.TOWNSHIP ? "乡镇" : "部门";
    }

    static String cadence(Cadence c) {
        if (c == null) {
            return null;
        }
        return switch (c.unit()) {
            case REALTIME -> "实时更新";
            case WEEK -> c.count() + "条/周";
            case MONTH -> c.count() + "条/月";
            case QUARTER -> c.count() + "条/季度";
            case HALF_YEAR -> c.count() + "条/半年";
            case YEAR -> c.count() + "条/年";
        };
    }
}
