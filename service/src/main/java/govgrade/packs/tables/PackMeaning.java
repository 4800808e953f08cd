package govgrade.packs.tables;

import govgrade.packs.PackError;
import govgrade.packs.PackSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * What a pack's files mean, hashed: the version of a pack is the hash of each DRL file's text
 * (line endings and a BOM aside) and each workbook's cells as Drools reads them (sheet, place,
 * text), so an office suite re-saving a workbook unchanged (new zip timestamps, styles, entry
 * order) gives the same version. A second hash covers only the code: DRL text and the workbook
 * cells that are not values.
 *
 * <p>Value cells are the data rows of a RuleTable: what a criteria editor types. Everything else
 * on a sheet that holds a RuleSet or RuleTable is code, including the values beside a keyword
 * (the RuleSet name is the package, an Import or Functions value is Java, Sequential changes the
 * order rules fire in): each of them changes what compiles, not which threshold it compares
 * with. Sheets without RuleSet or RuleTable (the 说明 notes) are never compiled, so they are values.
 */
public final class PackMeaning {
    private static final int HEX_DIGITS = 16;

    /** A file's cells by sheet, in workbook order, each sheet's code cells kept apart by place. */
    private record SheetCells(SortedMap<Long, String> all, SortedMap<Long, String> code) {
    }

    private final Map<String, String> drl = new TreeMap<>();
    private final Map<String, Map<String, SheetCells>> workbooks = new TreeMap<>();
    private final Map<String, byte[]> unreadable = new TreeMap<>();

    private PackMeaning() {
    }

    /** Reads what {@code files} (path relative to the installation folder to bytes) mean. */
    public static PackMeaning of(SortedMap<String, byte[]> files) {
        PackMeaning m = new PackMeaning();
        files.forEach((path, bytes) -> {
            if (path.toLowerCase(Locale.ROOT).endsWith(".drl")) {
                m.drl.put(path, drlText(bytes));
            } else {
                Optional<Map<String, SheetCells>> cells = cells(bytes);
                if (cells.isPresent()) {
                    m.workbooks.put(path, cells.get());
                } else {
                    // Not a workbook anyone can read: its bytes are all it means, and it will not compile.
                    m.unreadable.put(path, bytes);
                }
            }
        });
        return m;
    }

    /** The pack as a source whose version is this meaning's hash. */
    public static PackSource source(String id, SortedMap<String, byte[]> files) {
        PackMeaning m = of(files);
        return new PackSource(id, files, m.version(), m.codeVersion());
    }

    /** The hash of everything the files mean; the same length and alphabet as byte-hash versions were. */
    public String version() {
        return hash(false);
    }

    /** The hash of the code alone: equal for two versions that differ only in value cells. */
    public String codeVersion() {
        return hash(true);
    }

    /**
     * The first code cell or rule file that differs between {@code before} and this meaning, at
     * its place (a workbook's sheet and cell, a DRL file's first changed line); empty when the
     * code is the same.
     */
    public Optional<PackError> firstCodeChange(PackMeaning before) {
        for (String file : union(before.drl.keySet(), drl.keySet())) {
            String was = before.drl.get(file);
            String now = drl.get(file);
            if (was == null || now == null) {
                return Optional.of(PackError.inFile(file, now == null ? "rule file removed" : "rule file added"));
            }
            if (!was.equals(now)) {
                return Optional.of(PackError.inDrl(file, firstDifferentLine(was, now), "rule code changed"));
            }
        }
        for (String file : union(before.unreadable.keySet(), unreadable.keySet())) {
            if (!Arrays.equals(before.unreadable.get(file), unreadable.get(file))) {
                return Optional.of(PackError.inFile(file, "not a readable workbook, so every cell counts as code"));
            }
        }
        for (String file : union(before.workbooks.keySet(), workbooks.keySet())) {
            Map<String, SheetCells> was = before.workbooks.getOrDefault(file, Map.of());
            Map<String, SheetCells> now = workbooks.getOrDefault(file, Map.of());
            for (String sheet : union(was.keySet(), now.keySet())) {
                SortedMap<Long, String> a = was.containsKey(sheet) ? was.get(sheet).code() : new TreeMap<>();
                SortedMap<Long, String> b = now.containsKey(sheet) ? now.get(sheet).code() : new TreeMap<>();
                for (long place : union(a.keySet(), b.keySet())) {
                    String x = a.getOrDefault(place, "");
                    String y = b.getOrDefault(place, "");
                    if (!x.equals(y)) {
                        return Optional.of(PackError.inSheet(file, sheet,
                                RuleWorkbook.address((int) (place >> 20) + 1, (int) (place & 0xFFFFF)),
                                "code cell changed from \"" + clip(x) + "\" to \"" + clip(y) + "\""));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private String hash(boolean codeOnly) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            put(md, codeOnly ? "govgrade-pack-code-1" : "govgrade-pack-meaning-1");
            drl.forEach((file, text) -> {
                put(md, "drl");
                put(md, file);
                put(md, text);
            });
            unreadable.forEach((file, bytes) -> {
                put(md, "bytes");
                put(md, file);
                md.update(bytes);
            });
            workbooks.forEach((file, sheets) -> {
                put(md, "workbook");
                put(md, file);
                sheets.forEach((sheet, cells) -> {
                    put(md, "sheet");
                    put(md, sheet);
                    (codeOnly ? cells.code() : cells.all()).forEach((place, text) -> {
                        put(md, Long.toString(place));
                        put(md, text);
                    });
                });
            });
            return HexFormat.of().formatHex(md.digest()).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length first, so no two sequences of strings hash alike. */
    private static void put(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) 0);
        md.update(b);
    }

    /** A DRL file's text as the compiler reads it: UTF-8, no BOM, lines ending in \n. */
    static String drlText(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Each sheet's cells as Drools' parser hands them on, or empty for bytes no workbook reader takes. */
    private static Optional<Map<String, SheetCells>> cells(byte[] bytes) {
        Map<String, SheetCells> out = new LinkedHashMap<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Workbook open = WorkbookReader.unclosable(wb);
            for (Sheet s : wb) {
                String name = s.getSheetName();
                SheetRecorder rec = new SheetRecorder();
                new ExcelParser(Map.of(name, List.<DataListener>of(rec))).parseWorkbook(open);
                out.put(name, classify(name, rec));
            }
            return Optional.of(out);
        } catch (Exception | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static SheetCells classify(String sheet, SheetRecorder rec) {
        SortedMap<Long, String> all = new TreeMap<>();
        SortedMap<Long, String> code = new TreeMap<>();
        boolean ruleSheet = false;
        for (int r = 0; r <= rec.lastRow(); r++) {
            for (var c : rec.row(r).entrySet()) {
                all.put(place(r, c.getKey()), c.getValue());
                String lower = c.getValue().toLowerCase(Locale.ROOT);
                ruleSheet |= lower.startsWith("ruleset") || lower.startsWith("ruletable");
            }
        }
        if (!ruleSheet) {
            if (sheet.equals(FigureSheet.SHEET)) {
                code.putAll(declaringCells(rec));
            }
            // A scoring sheet's kind and headers are code: rules call the table by name for what its kind computes.
            for (int[] c : ScoringSheets.codeCells(rec.rows())) {
                code.put(place(c[0], c[1]), all.get(place(c[0], c[1])));
            }
            return new SheetCells(all, code);
        }
        code.putAll(all);
        for (RuleWorkbook.Table t : TableScan.tablesOf(sheet, rec)) {
            for (RuleWorkbook.DataRow row : t.rows()) {
                for (RuleWorkbook.ColumnSpec col : t.columns()) {
                    code.remove(place(row.rowNumber() - 1, col.col()));
                }
            }
        }
        return new SheetCells(all, code);
    }

    /**
     * The cells of the 数据项 sheet that change what batches must carry and rules may read: its
     * header row and its 名称, 对象, 类型 and 必填 columns. 含义 and note columns are wording.
     */
    private static SortedMap<Long, String> declaringCells(SheetRecorder rec) {
        SortedMap<Long, String> code = new TreeMap<>();
        Set<String> headings = Set.of(FigureSheet.NAME, FigureSheet.PLACE, FigureSheet.TYPE, FigureSheet.REQUIRED);
        Set<Integer> cols = new TreeSet<>();
        int header = -1;
        for (int r = 0; r <= rec.lastRow(); r++) {
            Map<Integer, String> row = rec.row(r);
            if (header < 0 && row.containsValue(FigureSheet.NAME)) {
                header = r;
                for (var c : row.entrySet()) {
                    code.put(place(r, c.getKey()), c.getValue());
                    if (headings.contains(c.getValue().trim())) {
                        cols.add(c.getKey());
                    }
                }
            } else if (header >= 0) {
                for (int col : cols) {
                    String text = row.get(col);
                    if (text != null) {
                        code.put(place(r, col), text);
                    }
                }
            }
        }
        return code;
    }

    /** Row and column (0-based) in one sortable number: rows first. */
    private static long place(int row, int col) {
        return ((long) row << 20) | col;
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        return i + 1;
    }

    private static <T extends Comparable<T>> List<T> union(Set<T> a, Set<T> b) {
        TreeSet<T> all = new TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
