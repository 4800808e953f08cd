package govgrade.packs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** A bundled pack copied into a temporary installation folder, to be edited the way staff edit it. */
public final class PackCopy {
    private PackCopy() {
    }

    public static Path copy(String pack, Path home) throws IOException {
        for (String dir : new String[] {PackSource.DRL_DIR, PackSource.TABLE_DIR}) {
            Path from = Path.of(dir, pack);
            Path to = home.resolve(dir).resolve(pack);
            Files.createDirectories(to);
            try (Stream<Path> s = Files.list(from)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        // The shared rule library the pack's DRL includes, as an installation has it beside the packs.
        Path lib = home.resolve(RuleLibrary.LIB_DIR);
        Files.createDirectories(lib);
        try (Stream<Path> s = Files.list(Path.of(RuleLibrary.LIB_DIR))) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.copy(f, lib.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return home;
    }

    /**
     * Opens a workbook with POI, lets {@code edit} change it, and saves it the way Excel and
     * LibreOffice do: written whole beside the pack folders, then moved over the old file. Writing
     * in place would let a watcher on a loaded machine read the file truncated and half written.
     */
    public static void editWorkbook(Path xlsx, Consumer<Workbook> edit) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(xlsx)) {
            wb = WorkbookFactory.create(in);
        }
        edit.accept(wb);
        Path parked = xlsx.toAbsolutePath().getParent().getParent()
                .resolveSibling("." + xlsx.getFileName() + ".saving");
        try (OutputStream out = Files.newOutputStream(parked)) {
            wb.write(out);
        }
        wb.close();
        Files.move(parked, xlsx, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The row of {@code sheet} whose first cell is {@code key}. */
    public static Row rowOf(Workbook wb, String sheet, String key) {
        Sheet s = wb.getSheet(sheet);
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && key.equals(c.toString())) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in sheet " + sheet);
    }
}
