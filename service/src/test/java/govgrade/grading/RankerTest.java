package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import govgrade.rules.RankMethod;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankerTest {

    private static List<BigDecimal> values(Integer... v) {
        return Arrays.stream(v).map(x -> x == null ? null : BigDecimal.valueOf(x)).toList();
    }

    @Test
    void denseRankingGivesEqualCountsOneRankAndTheNextCountTheNextInteger() {
        // Luoshan: 88, 83, 82, 82, 79 -> 4, 5, 6, 6, 7 in the circular; here from the top.
        assertEquals(Arrays.asList(1, 2, 3, 3, 4), Ranker.rank(values(88, 83, 82, 82, 79), RankMethod.DENSE));
    }

    @Test
    void competitionRankingSkipsTheRanksATieTakes() {
        assertEquals(Arrays.asList(1, 2, 2, 4), Ranker.rank(values(9, 8, 8, 7), RankMethod.COMPETITION));
    }

    @Test
    void ordinalRankingBreaksTiesByTheOrderGiven() {
        assertEquals(Arrays.asList(1, 2, 3, 4), Ranker.rank(values(9, 8, 8, 7), RankMethod.ORDINAL));
    }

    @Test
    void ranksHigherValuesFirstWhateverTheInputOrder() {
        assertEquals(Arrays.asList(3, 1, 2, 1), Ranker.rank(values(12, 26, 23, 26), RankMethod.DENSE));
    }

    @Test
    void leavesSubjectsWithoutAValueUnranked() {
        assertEquals(Arrays.asList(2, null, 1), Ranker.rank(values(5, null, 9), RankMethod.DENSE));
    }

    @Test
    void comparesDecimalsByValueNotScale() {
        List<BigDecimal> v = List.of(new BigDecimal("6.0"), new BigDecimal("6"), new BigDecimal("4.20"));
        assertEquals(Arrays.asList(1, 1, 2), Ranker.rank(v, RankMethod.DENSE));
    }
}
