package govgrade.derive;

import static govgrade.derive.DerivedBatches.assertClose;
import static govgrade.derive.DerivedBatches.assertDecimal;
import static govgrade.derive.DerivedBatches.batch;
import static govgrade.derive.DerivedBatches.d;
import static govgrade.derive.DerivedBatches.fixture;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import govgrade.facts.Cadence;
import govgrade.facts.Channel;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The columns of a unit: what each cadence makes due in the period, and the updates beyond it. */
class UnitColumnsTest {

    @Nested
    class ColumnDues {

        private final Dues june = new Dues(d("2023-06-01"), d("2023-06-30"));

        @Test
        void proratesCadencesToAOneMonthPeriod() {
            assertAll(
                    () -> assertDecimal("2", june.due(Cadence.parse("2/month"))),
                    () -> assertDecimal("0.3333", june.due(Cadence.parse("1/quarter"))),
                    () -> assertDecimal("0.0833", june.due(Cadence.parse("1/year"))),
                    () -> assertDecimal("0", june.due(Cadence.parse("realtime"))),
                    () -> assertDecimal("0.1667", june.due(Cadence.parse("1/half-year"))),
                    () -> assertDecimal("0.1667", june.due(Cadence.parse("1条/半年"))));
        }

        @Test
        void proratesCadencesToAQuarter() {
            Dues q2 = new Dues(d("2021-04-01"), d("2021-06-30"));
            assertDecimal("1", q2.due(Cadence.parse("1/quarter")));
            assertDecimal("6", q2.due(Cadence.parse("2/month")));
            assertDecimal("0.25", q2.due(Cadence.parse("1/year")));
        }

        @Test
        void derivesDueOnEachColumnThroughDeriver() {
            DerivedBatch db = Deriver.derive(batch("""
                    {
                      "pack": "test",
                      "period": { "from": "2021-04-01", "to": "2021-06-30" },
                      "units": [ { "id": "u1", "name": "县财政局", "group": "department" } ],
                      "columns": [
                        { "unit": "u1", "name": "财政资金信息", "cadence": "2条/月", "updates": 7 },
                        { "unit": "u1", "name": "部门信息公开年报", "cadence": "1条/季度", "updates": 0 }
                      ]
                    }
                    """));
            assertEquals(1, db.columns().size());
            UnitColumns u1 = db.columns().get(0);
            assertDecimal("6", u1.getColumns().get(0).getDue());
            assertDecimal("1", u1.getColumns().get(1).getDue());
            assertEquals(7, u1.getUpdates());
            assertDecimal("7", u1.getDue());
            assertDecimal("0", u1.getExcess());
        }
    }

    @Nested
    class MeiCounty {

        private final DerivedBatch mei = fixture("meixian");

        @Test
        void educationBureauColumnsExceedDueByLessThanFive() {
            UnitColumns u4 = mei.columns().stream().filter(c -> c.getId().equals("meixian-u4")).findFirst()
                    .orElseGet(() -> fail("no columns for meixian-u4"));
            // 实时更新 0 + 1条/年 1/12 + 2条/月 2 + 1条/季度 1/3 = 29/12 ≈ 2.4167 due; updates 0+0+6+1 = 7
            assertAll(
                    () -> assertEquals("县教体局", u4.getName()),
                    () -> assertEquals(4, u4.getColumns().size()),
                    () -> assertEquals(7, u4.getUpdates()),
                    () -> assertClose(29.0 / 12, u4.getDue(), 0.0002),
                    () -> assertClose(7 - 29.0 / 12, u4.getExcess(), 0.0002),
                    () -> assertTrue(u4.getExcess().compareTo(BigDecimal.valueOf(5)) < 0));
        }

        @Test
        void columnFindingIsSeenUnitWideButNotOnTheNewsActivity() {
            UnitActivity news = mei.activity().stream()
                    .filter(a -> a.getId().equals("meixian-u26") && a.getChannel() == Channel.NEWS).findFirst()
                    .orElseGet(() -> fail("no news activity for meixian-u26"));
            assertTrue(news.unitHasFinding("SERIOUS_WORDING_ERROR"));
            assertFalse(news.hasFinding("SERIOUS_WORDING_ERROR"));
            assertEquals(11, news.getPosts());
            UnitColumns cols = mei.columns().stream().filter(c -> c.getId().equals("meixian-u26")).findFirst()
                    .orElseGet(() -> fail("no columns for meixian-u26"));
            assertTrue(cols.hasColumnFinding("SERIOUS_WORDING_ERROR"));
        }
    }
}
