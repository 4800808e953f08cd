package govgrade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A period in a title as circulars word it, and where the county and the period go in a pack's own title. */
class PeriodWordsTest {

    @ParameterizedTest
    @CsvSource({
            "2023-06-01, 2023-06-30, 2023年6月",
            "2024-02-01, 2024-02-29, 2024年2月",
            "2020-10-01, 2020-12-31, 2020年第四季度",
            "2021-04-01, 2021-06-30, 2021年第二季度",
            "2019-01-01, 2019-06-30, 2019年上半年",
            "2019-07-01, 2019-12-31, 2019年下半年",
            "2020-01-01, 2020-12-31, 2020年",
            "2024-07-01, 2024-08-31, 2024年7月至8月",
            "2020-02-01, 2020-04-30, 2020年2月至4月",
            "2023-11-01, 2024-01-31, 2023年11月至2024年1月",
            "2024-09-01, 2024-09-30, 2024年9月",
            "2024-07-01, 2024-07-30, 2024年7月1日至7月30日",
            "2020-11-24, 2021-02-22, 2020年11月24日至2021年2月22日",
            "2023-06-15, 2023-06-15, 2023年6月15日"})
    void namesAPeriodAsACircularsTitleDoes(LocalDate from, LocalDate to, String words) {
        assertEquals(words, PeriodWords.of(from, to));
    }

    @Test
    void noPeriodIsNoWords() {
        assertEquals("", PeriodWords.of(null, null));
        assertEquals("", PeriodWords.of(LocalDate.of(2023, 6, 30), LocalDate.of(2023, 6, 1)));
    }

    @ParameterizedTest
    @CsvSource({
            "眉县, 2023年6月, 政务新媒体检查结果, 眉县2023年6月政务新媒体检查结果",
            "西宁市城中区, 2017年4月, 西宁市城中区区政府门户网站信息报送情况通报, 西宁市城中区2017年4月区政府门户网站信息报送情况通报",
            "西宁市城中区, 2017年4月, 西宁市城中区2017年4月信息报送情况, 西宁市城中区2017年4月信息报送情况",
            "眉县, 2023年6月, 关于眉县政务新媒体的通报, 关于眉县政务新媒体的通报",
            "shangqiu, 2020年第四季度, 政务新媒体检查结果, shangqiu 2020年第四季度政务新媒体检查结果"})
    void theCountyAndThePeriodGoBeforeATitleOrAfterTheCountyItBeginsWith(String county, String period, String title,
                                                                         String expected) {
        assertEquals(expected, AnnexHeading.title(county, period, title));
    }
}
