package govgrade.derive;

import static govgrade.derive.DerivedBatches.d;
import static govgrade.derive.DerivedBatches.derivedAccount;
import static govgrade.derive.DerivedBatches.oneAccount;
import static govgrade.derive.DerivedBatches.span;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The counts of an account: counted from its posts, or passed through when it brings aggregates. */
class AccountCountsTest {

    @Test
    void countsOriginalsRepostsAndRecommendedFromPosts() {
        NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, """
                "posts": [ { "date": "2023-06-03", "original": true },
                           { "date": "2023-06-03", "original": true, "recommended": false },
                           { "date": "2023-06-12", "original": false, "recommended": true },
                           { "date": "2023-06-18", "original": false } ]"""));
        assertAll(
                () -> assertEquals(4, a.getPosts()),
                () -> assertEquals(2, a.getOriginals()),
                () -> assertEquals(2, a.getReposts()),
                () -> assertEquals(1, a.getRecommendedReposts()),
                () -> assertEquals(d("2023-06-18"), a.getLastUpdate()),
                () -> assertEquals(12, a.getDaysSinceLastUpdate()));
    }

    @Test
    void passesAggregatesThroughWhenNoPostsAreGiven() {
        NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, """
                "lastUpdate": "2023-06-25", "originals": 12, "reposts": 30, "recommendedReposts": 6,
                "longestGap": { "from": "2023-06-03", "to": "2023-06-10" },
                "longestOriginalGap": { "from": "2023-06-01", "to": "2023-06-14" }"""));
        assertAll(
                () -> assertEquals(12, a.getOriginals()),
                () -> assertEquals(30, a.getReposts()),
                () -> assertEquals(6, a.getRecommendedReposts()),
                () -> assertEquals(42, a.getPosts()),
                () -> assertEquals(d("2023-06-25"), a.getLastUpdate()),
                () -> assertEquals(5, a.getDaysSinceLastUpdate()),
                () -> assertEquals(List.of(span("2023-06-03", "2023-06-10")), a.getGaps()),
                () -> assertEquals(span("2023-06-03", "2023-06-10"), a.getLongestGap()),
                () -> assertEquals(8, a.getLongestGap().getDays()),
                () -> assertEquals(List.of(span("2023-06-01", "2023-06-14")), a.getOriginalGaps()),
                () -> assertEquals(span("2023-06-01", "2023-06-14"), a.getLongestOriginalGap()));
    }

    @Test
    void leavesMissingAggregatesNull() {
        NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, "\"originals\": 3"));
        assertEquals(3, a.getOriginals());
        assertNull(a.getReposts());
        assertNull(a.getPosts());
        assertNull(a.getRecommendedReposts());
    }

    @Test
    void regionFallsBackToTheUnitsRegion() {
        NewMediaAccount a = derivedAccount(oneAccount("2023-06-01", "2023-06-30", null, "\"originals\": 3"));
        assertEquals("眉县", a.getRegion());
        assertEquals("u1", a.getUnit().getId());
    }
}
