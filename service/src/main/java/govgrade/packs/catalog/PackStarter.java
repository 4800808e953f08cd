package govgrade.packs.catalog;

import govgrade.facts.PackId;
import govgrade.packs.PackSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A new pack made from the starter pack: a folder laid out as an installation
 * ({@code rules-drl/starter/}, {@code decision-tables/starter/}, {@code fixtures/starter/}) whose
 * files name the pack {@code starter} and the county {@code 示例县}. Each file is copied under the
 * new id with those two words replaced (and the DRL package and the tables' RuleSet made a Java
 * package of the id), so the new pack validates and passes its skeleton fixture as created. Nothing
 * is written when the id is not a pack id or any of the three folders exists already.
 */
public final class PackStarter {
    public static final String STARTER_ID = "starter";
    public static final String STARTER_NAME = "示例县";
    private static final String[] DIRS = {PackSource.DRL_DIR, PackSource.TABLE_DIR, "fixtures"};
    private static final String STARTER_PACKAGE = "govgrade.packs." + STARTER_ID;
    /** Words a Java package segment cannot be; a pack id may well be one ({@code new}, {@code case}). */
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "_");

    private PackStarter() {
    }

    /** Why a pack was not created, said so the person can act on it. */
    public static final class Refused extends Exception {
        private final boolean badInput;

        public Refused(String message, boolean badInput) {
            super(message);
            this.badInput = badInput;
        }

        /**
         * The request itself is wrong (an id no pack may have, a starter folder that is not there), as
         * opposed to a pack in the way; the CLI tells the two apart by its exit code (2 against 1).
         */
        public boolean badInput() {
            return badInput;
        }
    }

    /** Creates pack {@code id} called {@code name} in {@code home} from the starter in {@code from}; the files written. */
    public static List<Path> create(Path home, Path from, String id, String name) throws Refused, IOException {
        if (!PackId.isValid(id)) {
            throw new Refused("\"" + id + "\" is not a pack id: a pack id is " + PackId.RULE + "; try " + suggest(id)
                    + " (包代码只能用小写字母、数字、- 和 _，例如 " + suggest(id) + ")", true);
        }
        for (String dir : DIRS) {
            Path existing = existing(home.resolve(dir), id);
            if (existing != null) {
                throw new Refused("pack " + id + " exists already (" + home.relativize(existing) + "); nothing was "
                        + "written: choose another id or remove that folder (该包已存在，未做任何修改)", false);
            }
        }
        SortedMap<Path, byte[]> out = new TreeMap<>();
        for (String dir : DIRS) {
            Path src = from.resolve(dir).resolve(STARTER_ID);
            if (!Files.isDirectory(src)) {
                throw new Refused("no starter pack at " + src + "; give the folder holding rules-drl/starter/, "
                        + "decision-tables/starter/ and fixtures/starter/ with --from", true);
            }
            try (Stream<Path> files = Files.list(src)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    String fileName = f.getFileName().toString();
                    if (!PackSource.isPackFile(fileName) && !fileName.endsWith(".json")) {
                        continue;
                    }
                    Path target = home.resolve(dir).resolve(id).resolve(fileName.replace(STARTER_ID, id));
                    out.put(target, adapt(fileName, Files.readAllBytes(f), id, name));
                }
            }
        }
        // Read and adapted whole before anything is written: a starter that cannot be read leaves no half pack.
        for (var e : out.entrySet()) {
            Files.createDirectories(e.getKey().getParent());
            Files.write(e.getKey(), e.getValue());
        }
        return List.copyOf(out.keySet());
    }

    /** A Java package for the id: {@code govgrade.packs.wuding}, {@code govgrade.packs.xining_chengzhong}. */
    public static String javaPackage(String id) {
        String segment = id.replace('-', '_');
        boolean usable = Character.isLetter(segment.charAt(0)) && !KEYWORDS.contains(segment);
        return "govgrade.packs." + (usable ? segment : "pack_" + segment);
    }

    /** An id close to what was typed that is a pack id. */
    static String suggest(String typed) {
        String s = typed == null ? "" : typed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^[-_]+|[-_]+$", "");
        if (s.isEmpty()) {
            return "a name in pinyin, e.g. wuding";
        }
        return s.length() > 40 ? s.substring(0, 40).replaceAll("[-_]+$", "") : s;
    }

    private static Path existing(Path root, String id) throws IOException {
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> s = Files.list(root)) {
            // Case apart too: Wuding beside wuding is one folder on Windows and macOS, and a misnamed pack anywhere.
            return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(id)).findFirst().orElse(null);
        }
    }

    private static byte[] adapt(String fileName, byte[] bytes, String id, String name) throws IOException {
        if (PackSource.isWorkbook(fileName)) {
            return adaptWorkbook(bytes, id, name);
        }
        return words(new String(bytes, StandardCharsets.UTF_8), id, name).getBytes(StandardCharsets.UTF_8);
    }

    private static String words(String text, String id, String name) {
        return text.replace(STARTER_PACKAGE, javaPackage(id)).replace(STARTER_ID, id).replace(STARTER_NAME, name);
    }

    private static byte[] adaptWorkbook(byte[] bytes, String id, String name) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes); Workbook wb = WorkbookFactory.create(in)) {
            List<Cell> text = new ArrayList<>();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            text.add(cell);
                        }
                    }
                }
            }
            for (Cell cell : text) {
                String v = cell.getStringCellValue();
                String w = words(v, id, name);
                if (!w.equals(v)) {
                    cell.setCellValue(w);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
