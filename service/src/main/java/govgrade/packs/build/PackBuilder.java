package govgrade.packs.build;

import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.PackSource;
import govgrade.packs.tables.BandTableChecks;
import govgrade.packs.tables.CriteriaTableChecks;
import govgrade.packs.tables.RuleWorkbook;
import govgrade.packs.tables.TableCheck;
import govgrade.rules.Criteria;
import govgrade.rules.Criterion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.template.parser.DecisionTableParseException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * Compiles a pack's DRL files and decision tables into one rule base, or refuses it with every
 * error at its place. Decision tables are turned into DRL here, one sheet at a time, so an error
 * in generated DRL can be traced to the sheet and row it came from.
 */
public final class PackBuilder {
    /** The agenda group of the criteria tables' rows (set by RULEFLOW-GROUP in each RuleSet, which Drools 10 treats as an agenda group). */
    public static final String CRITERIA_GROUP = "criteria";

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("cells? \\[?([A-Z]{1,3}[0-9]+)");
    private static final Pattern IN_RULE = Pattern.compile("in rule \"([^\"]+)\"");
    private static final Pattern RULE_VALUES_AT = Pattern.compile("rule values at ([A-Z]{1,3}[0-9]+)");
    private static final Pattern NUMBER_USE = Pattern.compile("\\.(?:integer|decimal)\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern SETTING_USE = Pattern.compile("\\.(?:setting|platforms)\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern PROBLEM_USE = Pattern.compile("Problem\\.of\\([^,]+,[^,]+,\\s*\"([A-Z0-9_]+)\"\\s*\\)");
    private static final Map<Criterion.Kind, String> MARKERS = Map.of(
            Criterion.Kind.NUMBER, "Criterion.number",
            Criterion.Kind.SETTING, "Criterion.setting",
            Criterion.Kind.GRADE_LABEL, "Criterion.gradeLabel",
            Criterion.Kind.PROBLEM_LABEL, "Criterion.problemLabel",
            Criterion.Kind.PROBLEM_GRADE, "Criterion.problemGrade");

    private PackBuilder() {
    }

    /** Where a resource written to the KieFileSystem came from. */
    private record Origin(String file, String sheet, String generatedDrl, RuleWorkbook workbook) {
    }

    public static CompiledPack build(PackSource src) throws PackRejected {
        List<PackError> errors = new ArrayList<>();
        if (src.isEmpty()) {
            throw new PackRejected(src.id(), List.of(PackError.inFile(PackSource.DRL_DIR + "/" + src.id(),
                    "the pack has no .drl or .xlsx files")));
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        Map<String, Origin> origins = new LinkedHashMap<>();
        Map<String, RuleWorkbook> workbooks = new LinkedHashMap<>();
        Map<String, String> drlPackages = new HashMap<>();
        for (var e : src.files().entrySet()) {
            String file = e.getKey();
            if (file.toLowerCase().endsWith(".drl")) {
                String drl = new String(e.getValue(), StandardCharsets.UTF_8);
                String path = resourcePath(drl, file.substring(file.lastIndexOf('/') + 1));
                kfs.write(path, e.getValue());
                origins.put(path, new Origin(file, null, null, null));
                drlPackages.put(packageOf(drl), file);
            } else {
                addWorkbook(file, e.getValue(), kfs, origins, workbooks, errors);
            }
        }

        checkSeparatePackages(origins, drlPackages, errors);
        ReleaseId rid = ks.newReleaseId("govgrade.packs", src.id(), "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(rid);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        Map<String, String> ruleAtLine = new HashMap<>();
        for (Message m : messages) {
            Matcher r = IN_RULE.matcher(m.getText());
            if (r.find()) {
                ruleAtLine.putIfAbsent(m.getPath() + ":" + m.getLine(), r.group(1));
            }
        }
        List<PackError> built = new ArrayList<>();
        for (Message m : messages) {
            built.add(place(m, origins, ruleAtLine.get(m.getPath() + ":" + m.getLine())));
        }
        errors.addAll(withoutEchoes(built));
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(rid);
            throw new PackRejected(src.id(), errors);
        }
        KieContainer container = ks.newKieContainer(rid);
        KieBase base = container.getKieBase();
        // The container is only a vehicle: the rule base outlives it, the repository must not pile up modules.
        ks.getRepository().removeKieModule(rid);

        Criteria criteria = collectCriteria(base, workbooks, errors);
        checkReferences(src, criteria, errors);
        if (!errors.isEmpty()) {
            throw new PackRejected(src.id(), errors);
        }
        int rules = base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        return new CompiledPack(src.id(), src.version(), base, criteria, rules, src);
    }

    private static void addWorkbook(String file, byte[] bytes, KieFileSystem kfs, Map<String, Origin> origins,
                                    Map<String, RuleWorkbook> workbooks, List<PackError> errors) {
        Workbook book;
        RuleWorkbook wb;
        try {
            book = RuleWorkbook.open(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            errors.add(PackError.inFile(file, "not a readable Excel workbook (.xlsx): " + e.getMessage()));
            return;
        }
        // Opened once for the table reader and every sheet's DRL: POI's open is the slow part.
        try (book) {
            try {
                wb = RuleWorkbook.read(book);
            } catch (IOException e) {
                errors.add(PackError.inFile(file, "not a readable Excel workbook (.xlsx): " + e.getMessage()));
                return;
            }
            workbooks.put(file, wb);
            List<TableCheck> checks = new ArrayList<>(CriteriaTableChecks.check(wb));
            checks.addAll(BandTableChecks.check(wb));
            if (!checks.isEmpty()) {
                // Drools would report these as errors in DRL it generated, or not at all: stop here, at the cells.
                for (TableCheck c : checks) {
                    errors.add(PackError.inSheet(file, c.sheet(), c.cell(), c.message()));
                }
                return;
            }
            if (wb.ruleSheets().isEmpty()) {
                errors.add(PackError.inFile(file, "no sheet holds a RuleTable; a decision table needs RuleSet and RuleTable cells"));
                return;
            }
            addSheets(file, book, wb, kfs, origins, errors);
        } catch (IOException e) {
            // Closing an in-memory workbook: nothing was written, nothing to report.
        }
    }

    private static void addSheets(String file, Workbook book, RuleWorkbook wb, KieFileSystem kfs,
                                  Map<String, Origin> origins, List<PackError> errors) {
        String base = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.xlsx?$", "");
        int n = 0;
        for (String sheet : wb.ruleSheets()) {
            n++;
            String drl;
            try {
                drl = SheetDrl.compile(book, sheet);
            } catch (DecisionTableParseException e) {
                errors.add(PackError.inSheet(file, sheet, cellIn(e.getMessage()), clean(e.getMessage())));
                continue;
            } catch (RuntimeException e) {
                errors.add(PackError.inSheet(file, sheet, cellIn(String.valueOf(e.getMessage())),
                        "cannot read the decision table: " + clean(String.valueOf(e.getMessage()))));
                continue;
            }
            String path = resourcePath(drl, base + "-sheet" + n + ".drl");
            kfs.write(path, drl);
            origins.put(path, new Origin(file, sheet, drl, wb));
        }
    }

    /** A path whose folders match the DRL's package, as Drools expects. */
    private static String resourcePath(String drl, String fileName) {
        String pkg = packageOf(drl);
        return "src/main/resources/" + (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + fileName;
    }

    private static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "";
    }

    /**
     * A RuleSet's RULEFLOW-GROUP becomes a package-level attribute, which Drools applies to every
     * rule of the package: a criteria sheet sharing a DRL file's package would silently switch
     * that file's rules off. Refuse it instead.
     */
    private static void checkSeparatePackages(Map<String, Origin> origins, Map<String, String> drlPackages,
                                              List<PackError> errors) {
        for (Origin o : origins.values()) {
            if (o.sheet() == null) {
                continue;
            }
            String pkg = packageOf(o.generatedDrl());
            if (drlPackages.containsKey(pkg) && o.generatedDrl().contains("ruleflow-group")) {
                errors.add(PackError.inSheet(o.file(), o.sheet(), null, "RuleSet " + pkg + " is also the package of "
                        + drlPackages.get(pkg) + "; give the decision table its own RuleSet name (e.g. " + pkg
                        + ".criteria), or its RULEFLOW-GROUP switches off the DRL rules"));
            }
        }
    }

    private static PackError place(Message m, Map<String, Origin> origins, String rule) {
        String text = clean(m.getText());
        Origin o = null;
        if (m.getPath() != null) {
            for (var e : origins.entrySet()) {
                if (e.getKey().endsWith(m.getPath()) || m.getPath().endsWith(e.getKey())) {
                    o = e.getValue();
                    break;
                }
            }
        }
        if (o == null) {
            return PackError.inFile(null, text);
        }
        Integer line = m.getLine() > 0 ? m.getLine() : null;
        if (o.sheet() == null) {
            return PackError.inDrl(o.file(), line, text);
        }
        String cell = line == null ? null : cellOf(o, line, rule);
        return PackError.inSheet(o.file(), o.sheet(), cell, text);
    }

    /**
     * One message per place: a parse error makes Drools repeat itself at the same line and then
     * add "Parser returned a null Package" for the file, which says nothing new.
     */
    static List<PackError> withoutEchoes(List<PackError> errors) {
        Map<String, PackError> byPlace = new LinkedHashMap<>();
        for (PackError e : errors) {
            byPlace.putIfAbsent(e.file() + "|" + e.sheet() + "|" + e.cell() + "|" + e.line(), e);
        }
        List<PackError> out = new ArrayList<>(byPlace.values());
        if (out.size() > 1) {
            out.removeIf(e -> e.message().contains("Parser returned a null Package"));
        }
        return out;
    }

    /**
     * The cell a generated DRL line came from: the row from the compiler's comment, then the cell
     * of that row whose value is on the failing line (or the row's first cell).
     */
    private static String cellOf(Origin o, int line, String rule) {
        // A string left open runs to the end of the file: the rule Drools names is where it began.
        String rowCell = rule == null ? null : o.workbook().rowCellOfKey(o.sheet(), rule).orElse(null);
        if (rowCell == null) {
            rowCell = rowCell(o.generatedDrl(), line);
        }
        if (rowCell == null) {
            return null;
        }
        int row = Integer.parseInt(rowCell.replaceAll("[A-Z]", ""));
        String[] lines = o.generatedDrl().split("\n", -1);
        String failing = line <= lines.length ? lines[line - 1] : "";
        return o.workbook().cellBreakingStrings(o.sheet(), row)
                .or(() -> o.workbook().cellInRow(o.sheet(), row, failing))
                .orElse(rowCell);
    }

    /** The first cell of the table row a generated DRL line belongs to, from the compiler's comments. */
    static String rowCell(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_VALUES_AT.matcher(lines[i]);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static Criteria collectCriteria(KieBase base, Map<String, RuleWorkbook> workbooks, List<PackError> errors) {
        List<Criterion> found = new ArrayList<>();
        KieSession session = base.newKieSession();
        try {
            session.getAgenda().getAgendaGroup(CRITERIA_GROUP).setFocus();
            session.fireAllRules();
            for (Object o : session.getObjects(o -> o instanceof Criterion)) {
                found.add((Criterion) o);
            }
        } catch (RuntimeException e) {
            errors.add(PackError.inFile(null, "reading the criteria tables failed: " + clean(String.valueOf(e.getMessage()))));
        } finally {
            session.dispose();
        }
        List<String> problemRows = new ArrayList<>();
        workbooks.values().forEach(wb -> problemRows.addAll(wb.keysOf(MARKERS.get(Criterion.Kind.PROBLEM_LABEL))));
        List<Criteria.Error> bad = new ArrayList<>();
        Criteria criteria = Criteria.build(found, problemRows, bad);
        for (Criteria.Error e : bad) {
            errors.add(placeCriterion(e, workbooks));
        }
        return criteria;
    }

    private static PackError placeCriterion(Criteria.Error e, Map<String, RuleWorkbook> workbooks) {
        for (var wb : workbooks.entrySet()) {
            var place = wb.getValue().cellOf(e.key(), MARKERS.get(e.kind()));
            if (place.isPresent()) {
                return PackError.inSheet(wb.getKey(), place.get().sheet(), place.get().cell(), e.key() + ": " + e.message());
            }
        }
        return PackError.inFile(null, e.key() + ": " + e.message());
    }

    /**
     * Every parameter, setting and problem a DRL file names must be defined by a table row; a
     * deleted row is reported at the DRL line that needs it, not as a silent rule that never fires.
     */
    private static void checkReferences(PackSource src, Criteria criteria, List<PackError> errors) {
        Map<String, String> drls = new HashMap<>();
        src.files().forEach((f, b) -> {
            if (f.toLowerCase().endsWith(".drl")) {
                drls.put(f, new String(b, StandardCharsets.UTF_8));
            }
        });
        for (var e : drls.entrySet()) {
            String[] lines = e.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.trim().startsWith("//")) {
                    continue;
                }
                for (Matcher m = NUMBER_USE.matcher(l); m.find(); ) {
                    if (!criteria.declares(m.group(1))) {
                        errors.add(PackError.inDrl(e.getKey(), i + 1, "uses parameter " + m.group(1)
                                + ", which no row of the pack's decision tables sets"));
                    }
                }
                for (Matcher m = SETTING_USE.matcher(l); m.find(); ) {
                    if (!criteria.declares(m.group(1))) {
                        errors.add(PackError.inDrl(e.getKey(), i + 1, "uses setting " + m.group(1)
                                + ", which no row of the pack's decision tables sets"));
                    }
                }
                for (Matcher m = PROBLEM_USE.matcher(l); m.find(); ) {
                    if (!criteria.hasProblem(m.group(1))) {
                        errors.add(PackError.inDrl(e.getKey(), i + 1, "reports problem " + m.group(1)
                                + ", which has no wording in the pack's problem table"));
                    }
                }
            }
        }
    }

    private static String cellIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = CELL_IN_MESSAGE.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static String clean(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }
}
