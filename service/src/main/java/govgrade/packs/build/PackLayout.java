package govgrade.packs.build;

import govgrade.packs.PackError;
import govgrade.packs.tables.BandTableChecks;
import govgrade.packs.tables.CriteriaTableChecks;
import govgrade.packs.tables.FigureSheet;
import govgrade.packs.tables.ReportSheet;
import govgrade.packs.tables.RuleWorkbook;
import govgrade.packs.tables.ScoringSheets;
import govgrade.packs.tables.TableCheck;
import govgrade.packs.tables.ValueCellChecks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pack's files become for Drools: each DRL file under a folder matching its package, each
 * rule sheet of a workbook as the DRL Drools generates from it, one sheet at a time so a line of
 * generated DRL leads back to its sheet. Tables that fail their checks are not handed on: their
 * errors are said at their cells, where Drools would say them in DRL it wrote, or not at all.
 */
final class PackLayout {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private final Map<String, RuleWorkbook> workbooks = new LinkedHashMap<>();
    private final Map<String, String> drlPackages = new HashMap<>();
    private final List<PackError> errors = new ArrayList<>();
    private final Set<String> wholeNumbers;

    private PackLayout(Set<String> wholeNumbers) {
        this.wholeNumbers = wholeNumbers;
    }

    /** Lays out {@code files} (path relative to the installation folder to content). */
    static PackLayout of(Map<String, byte[]> files) {
        PackLayout layout = new PackLayout(ReferenceCheck.wholeNumberParameters(files));
        files.forEach((file, bytes) -> {
            if (file.toLowerCase().endsWith(".drl")) {
                layout.addDrl(file, bytes);
            } else {
                layout.addWorkbook(file, bytes);
            }
        });
        layout.checkSeparatePackages();
        return layout;
    }

    /** Path in the build to content, in the order the files came. */
    Map<String, byte[]> resources() {
        return resources;
    }

    /** Path in the build to where its text came from. */
    Map<String, Origin> origins() {
        return origins;
    }

    /** The workbooks that were read, by file. */
    Map<String, RuleWorkbook> workbooks() {
        return workbooks;
    }

    /** What is wrong before Drools builds anything: unreadable workbooks, table checks, shared packages. */
    List<PackError> errors() {
        return errors;
    }

    private void addDrl(String file, byte[] bytes) {
        String drl = new String(bytes, StandardCharsets.UTF_8);
        String path = resourcePath(drl, file.substring(file.lastIndexOf('/') + 1));
        resources.put(path, bytes);
        origins.put(path, Origin.drl(file));
        drlPackages.put(packageOf(drl), file);
    }

    private void addWorkbook(String file, byte[] bytes) {
        RuleWorkbook wb;
        try {
            wb = RuleWorkbook.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            errors.add(PackError.inFile(file, "not a readable Excel workbook (.xlsx): " + e.getMessage()));
            return;
        }
        workbooks.put(file, wb);
        // Values first: a cell that cannot be a literal is said as that, not as what its meaning lacks.
        List<TableCheck> checks = new ArrayList<>(ValueCellChecks.check(wb));
        checks.addAll(CriteriaTableChecks.check(wb, wholeNumbers));
        checks.addAll(BandTableChecks.check(wb));
        checks.addAll(ReportSheet.check(wb));
        checks.addAll(FigureSheet.check(wb));
        checks.addAll(ScoringSheets.check(wb));
        if (!checks.isEmpty()) {
            Map<String, TableCheck> onePerCell = new LinkedHashMap<>();
            checks.forEach(c -> onePerCell.putIfAbsent(c.sheet() + "!" + c.cell(), c));
            for (TableCheck c : onePerCell.values()) {
                errors.add(PackError.inSheet(file, c.sheet(), c.cell(), c.message()));
            }
            return;
        }
        if (wb.ruleSheets().isEmpty()) {
            errors.add(PackError.inFile(file, "no sheet holds a RuleTable; a decision table needs RuleSet and RuleTable cells"));
            return;
        }
        String base = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.xlsx?$", "");
        int n = 0;
        for (String sheet : wb.ruleSheets()) {
            n++;
            String drl;
            try {
                drl = wb.drl(sheet);
            } catch (RuntimeException e) {
                errors.add(MessagePlacer.sheetFailure(file, sheet, e));
                continue;
            }
            String path = resourcePath(drl, base + "-sheet" + n + ".drl");
            resources.put(path, drl.getBytes(StandardCharsets.UTF_8));
            origins.put(path, new Origin(file, sheet, drl, wb));
        }
    }

    /**
     * A RuleSet's RULEFLOW-GROUP becomes a package-level attribute, which Drools applies to every
     * rule of the package: a criteria sheet sharing a DRL file's package would silently switch
     * that file's rules off. Refuse it instead.
     */
    private void checkSeparatePackages() {
        for (Origin o : origins.values()) {
            if (!o.isSheet()) {
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

    /** A path whose folders match the DRL's package, as Drools expects. */
    private static String resourcePath(String drl, String fileName) {
        String pkg = packageOf(drl);
        return "src/main/resources/" + (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + fileName;
    }

    private static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "";
    }
}
