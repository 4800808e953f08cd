package govgrade.factsheets;

import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.facts.DeclaredFigures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Facts from spreadsheets: a filled facts workbook read into the batch the JSON form makes, every
 * mistake at its sheet, row and column. The batch's own reading and checks then run on it as on
 * a posted batch, so limits and rules hold alike. Writing a template, or a batch into a workbook
 * of the same shape, is {@link FactsWriter}.
 */
public final class FactsWorkbook {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /**
     * What a workbook's parts may unpack to. A workbook is read whole into memory, about ten times
     * its unpacked XML; 100 MB of XML is some 300,000 filled rows, more than a county's period has,
     * and a zip bomb stops here, counted as it inflates, whatever its headers claim.
     */
    public static final long MAX_UNPACKED = 100L << 20;
    private static final int MAX_PARTS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FactsWorkbook() {
    }

    /**
     * Reads a filled facts workbook of at most {@code maxBytes} and checks its batch under
     * {@code limits}; {@code declaredOf} gives the figures a pack (named on the 批次 sheet)
     * declares, or null for an unknown pack.
     */
    public static FactsSheet read(InputStream in, long maxBytes, BatchLimits limits,
                                  Function<String, DeclaredFigures> declaredOf)
            throws UnreadableWorkbook, SheetRejected, IOException {
        return read(in, maxBytes, limits, declaredOf, null);
    }

    /** As above; {@code packFromUrl} (may be null) stands in for a pack the 批次 sheet leaves empty. */
    public static FactsSheet read(InputStream in, long maxBytes, BatchLimits limits,
                                  Function<String, DeclaredFigures> declaredOf, String packFromUrl)
            throws UnreadableWorkbook, SheetRejected, IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new UnreadableWorkbook("the workbook is larger than " + maxBytes + " bytes");
        }
        unpackedSize(bytes);
        try (Workbook book = open(bytes)) {
            FactsReader reader = new FactsReader(book, limits, declaredOf, packFromUrl);
            byte[] json = JSON.writeValueAsBytes(reader.batch());
            BatchRejected refused = null;
            try {
                BatchReader.read(new ByteArrayInputStream(json), null, limits);
            } catch (BatchRejected e) {
                refused = e;
            }
            if (refused != null || !reader.mistakes.isEmpty()) {
                SheetRejected r = reader.places.rejection(reader.mistakes, refused, reader.more, limits.errorsListed());
                throw reader.overLimit ? new SheetRejected(r.violations(), r.more(), true) : r;
            }
            return new FactsSheet(json, reader.places, limits.errorsListed());
        }
    }

    private static Workbook open(byte[] bytes) throws UnreadableWorkbook {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableWorkbook("the file is not an .xlsx workbook Excel, WPS or LibreOffice can open ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + cut(e.getMessage())) + ")");
        }
    }

    /** Inflates every part once, counting, before POI builds anything from it. */
    private static void unpackedSize(byte[] bytes) throws UnreadableWorkbook {
        long total = 0;
        int parts = 0;
        byte[] buf = new byte[1 << 16];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++parts > MAX_PARTS) {
                    throw new UnreadableWorkbook("the workbook has more than " + MAX_PARTS + " parts; a facts workbook "
                            + "has a few dozen");
                }
                for (int n = zip.read(buf); n >= 0; n = zip.read(buf)) {
                    total += n;
                    if (total > MAX_UNPACKED) {
                        throw new UnreadableWorkbook("the workbook unpacks to more than " + (MAX_UNPACKED >> 20)
                                + " MB; split the period's facts, or send them as JSON");
                    }
                }
            }
        } catch (ZipException e) {
            throw new UnreadableWorkbook("the file is not an .xlsx workbook (" + cut(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new UnreadableWorkbook("the file is not an .xlsx workbook (" + cut(String.valueOf(e.getMessage())) + ")");
        }
        if (parts == 0) {
            throw new UnreadableWorkbook("the file is not an .xlsx workbook (no zip entries)");
        }
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
