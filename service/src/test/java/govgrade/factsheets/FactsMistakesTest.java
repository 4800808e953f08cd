package govgrade.factsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.DeclaredFigures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A filled facts workbook with one edit each: every mistake comes back at its sheet, row and column. */
class FactsMistakesTest {

    /** Mei county's June 2023 batch as a workbook, edited by {@code edit}. */
    static byte[] meixian(Consumer<XSSFWorkbook> edit) throws Exception {
        return fixture("fixtures/meixian/meixian.json", edit);
    }

    static byte[] fixture(String file, Consumer<XSSFWorkbook> edit) throws Exception {
        Batch batch;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            batch = BatchReader.read(in, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FactsWriter.write(batch, DeclaredFigures.NONE, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            edit.accept(book);
            ByteArrayOutputStream edited = new ByteArrayOutputStream();
            book.write(edited);
            return edited.toByteArray();
        }
    }

    static FactsSheet read(byte[] xlsx) throws Exception {
        return FactsWorkbook.read(new ByteArrayInputStream(xlsx), 32 << 20, BatchLimits.DEFAULTS, p -> null);
    }

    static List<CellViolation> mistakes(byte[] xlsx) {
        return assertThrows(SheetRejected.class, () -> read(xlsx)).violations();
    }

    static Cell cell(XSSFWorkbook book, String sheet, String a1) {
        org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(a1);
        Sheet s = book.getSheet(sheet);
        Row row = s.getRow(ref.getRow()) == null ? s.createRow(ref.getRow()) : s.getRow(ref.getRow());
        return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
    }

    @Nested
    class CellsOfTheWrongKind {
        @Test
        void anUnknownPlatformIsNamedAtItsCell() throws Exception {
            List<CellViolation> vs = mistakes(meixian(b -> cell(b, "账号", "C3").setCellValue("微信X")));
            assertEquals(1, vs.size(), vs.toString());
            CellViolation v = vs.get(0);
            assertEquals("账号!C3", v.path());
            assertEquals("账号", v.sheet());
            assertEquals(3, v.row());
            assertEquals("C", v.column());
            assertTrue(v.message().startsWith("账号!C3：“微信X”，应为 下拉列表中的平台之一"), v.message());
        }

        @Test
        void aDateThatIsNoDateIsNamedAtItsCell() throws Exception {
            List<CellViolation> vs = mistakes(meixian(b -> cell(b, "发文", "B5").setCellValue("六月五日")));
            assertEquals("发文!B5", vs.get(0).path());
            assertTrue(vs.get(0).expected().startsWith("日期"), vs.get(0).expected());
        }

        @Test
        void aCountThatIsNotWholeIsNamedAtItsCell() throws Exception {
            List<CellViolation> vs = mistakes(meixian(b -> cell(b, "栏目", "D2").setCellValue(2.5)));
            assertEquals("栏目!D2", vs.get(0).path());
            assertEquals("the number 2.5", vs.get(0).found());
        }

        @Test
        void aMissingRequiredCellIsNamedAtItsCell() throws Exception {
            List<CellViolation> vs = mistakes(meixian(b -> cell(b, "单位", "C4").setBlank()));
            assertEquals("单位!C4", vs.get(0).path(), vs.toString());
        }
    }

    @Nested
    class ReferencesBetweenSheets {
        @Test
        void aPostOfAnAccountNotOnTheAccountsSheetIsNamed() throws Exception {
            List<CellViolation> vs = mistakes(meixian(b -> cell(b, "发文", "A2").setCellValue("nobody")));
            assertEquals("发文!A2", vs.get(0).path());
            assertTrue(vs.get(0).expected().contains("账号表"), vs.get(0).expected());
        }

        @Test
        void aUnitNamedOnTheColumnsSheetButNotOnTheUnitsSheetIsNamed() throws Exception {
            List<CellViolation> vs = mistakes(meixian(b -> cell(b, "栏目", "A2").setCellValue("no-such-unit")));
            assertEquals("栏目!A2", vs.get(0).path(), vs.toString());
            assertTrue(vs.get(0).message().contains("columns[0].unit"), vs.get(0).message());
        }

        @Test
        void aFindingForAnEntryThatIsNotThereIsNamed() throws Exception {
            List<CellViolation> vs = mistakes(meixian(b -> cell(b, "问题", "B2").setCellValue("no-such-unit")));
            assertEquals("问题!B2", vs.get(0).path(), vs.toString());
        }

        @Test
        void aPeriodEndBeforeItsStartIsNamedOnTheBatchSheet() throws Exception {
            List<CellViolation> vs = mistakes(meixian(b -> cell(b, "批次", "B4").setCellValue("2023-05-01")));
            assertTrue(vs.stream().anyMatch(v -> v.sheet().equals("批次")), vs.toString());
        }
    }

    @Nested
    class WhatOfficesType {
        @Test
        void datesAsTextAndYesNoInWordsReadAsTheirValues() throws Exception {
            byte[] xlsx = meixian(b -> {
                cell(b, "发文", "B2").setCellValue("2023/6/1");
                cell(b, "发文", "C2").setCellValue("TRUE");
                cell(b, "批次", "B3").setCellValue("2023年6月1日");
            });
            Batch batch = BatchReader.read(new ByteArrayInputStream(read(xlsx).json()), null);
            assertEquals(java.time.LocalDate.of(2023, 6, 1), batch.period().from());
            assertEquals(java.time.LocalDate.of(2023, 6, 1), batch.accounts().get(0).posts().get(0).date());
            assertTrue(batch.accounts().get(0).posts().get(0).isOriginal());
        }

        @Test
        void aMessageTimeTypedAsAnExcelDateTimeIsBeijingTime() throws Exception {
            byte[] xlsx = fixture("fixtures/qingshen/qingshen.json", b -> {
                Cell c = cell(b, "留言", "B2");
                c.setCellValue(java.time.LocalDateTime.of(2021, 1, 5, 10, 45));
                org.apache.poi.ss.usermodel.CellStyle style = b.createCellStyle();
                style.setDataFormat(b.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
                c.setCellStyle(style);
            });
            Batch batch = BatchReader.read(new ByteArrayInputStream(read(xlsx).json()), null);
            assertEquals(java.time.OffsetDateTime.parse("2021-01-05T10:45:00+08:00"),
                    batch.accounts().get(0).messages().get(0).received());
        }

        @Test
        void blankRowsBetweenEntriesAreLeftOut() throws Exception {
            byte[] xlsx = meixian(b -> b.getSheet("单位").shiftRows(5, b.getSheet("单位").getLastRowNum(), 2));
            assertEquals(37, BatchReader.read(new ByteArrayInputStream(read(xlsx).json()), null).units().size());
        }
    }

    @Nested
    class FilesThatAreNoWorkbook {
        @Test
        void jsonSentAsAWorkbookIsRefusedAsNoWorkbook() {
            UnreadableWorkbook e = assertThrows(UnreadableWorkbook.class, () -> read("{\"pack\":1}".getBytes()));
            assertTrue(e.getMessage().contains("not an .xlsx"), e.getMessage());
        }

        @Test
        void aZipBombIsRefusedWhileItInflates() throws Exception {
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 120; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
            assertTrue(bomb.size() < 1 << 20, "the bomb is small: " + bomb.size());
            UnreadableWorkbook e = assertThrows(UnreadableWorkbook.class, () -> read(bomb.toByteArray()));
            assertTrue(e.getMessage().contains("unpacks to more than 100 MB"), e.getMessage());
        }

        @Test
        void moreRowsThanTheLimitAreRefusedAsOverTheLimit() throws Exception {
            byte[] xlsx = meixian(b -> { });
            SheetRejected e = assertThrows(SheetRejected.class, () -> FactsWorkbook.read(new ByteArrayInputStream(xlsx),
                    32 << 20, new BatchLimits(366, 10, 200, 200, 200, 200, 200, 20, 500, 100), p -> null));
            assertTrue(e.overLimit());
            assertEquals("单位!A12", e.violations().get(0).path(), e.violations().toString());
            assertFalse(e.violations().get(0).expected().isEmpty());
        }
    }
}
