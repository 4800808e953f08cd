package govgrade.derive;

import static govgrade.derive.DerivedBatches.d;
import static govgrade.derive.DerivedBatches.derivedAccount;
import static govgrade.derive.DerivedBatches.oneAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import govgrade.facts.Batch;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies to messages: which came later than 24 hours, unanswered ones counted to the check date. */
class AccountRepliesTest {

    private NewMediaAccount withMessages(String messages) {
        return derivedAccount(oneAccount("2020-11-24", "2021-02-22", "2021-02-22",
                "\"lastUpdate\": \"2021-02-20\", \"messages\": [ " + messages + " ]"));
    }

    @Test
    void countsAnswersLaterThan24HoursOnly() {
        NewMediaAccount a = withMessages("""
                { "received": "2021-01-12T09:30:00+08:00", "answered": "2021-01-13T16:30:00+08:00" },
                { "received": "2021-01-05T09:30:00+08:00", "answered": "2021-01-05T12:30:00+08:00" },
                { "received": "2021-01-19T09:30:00+08:00", "answered": "2021-01-20T09:30:00+08:00" }""");
        // waits: 31 h (late), 3 h, exactly 24 h (not late)
        assertEquals(3, a.getMessages());
        assertEquals(1, a.lateReplies(24));
        assertEquals(31.0, a.getLongestReplyHours(), 1e-9);
        assertEquals(3, a.lateReplies(2));
        assertEquals(0, a.lateReplies(31));
        assertEquals(2, a.lateReplies(23.5));
    }

    @Test
    void exactly24HoursIsNotLate() {
        NewMediaAccount a = withMessages("""
                { "received": "2021-01-19T09:30:00+08:00", "answered": "2021-01-20T09:30:00+08:00" },
                { "received": "2021-01-21T09:30:00+08:00", "answered": "2021-01-22T09:30:00+08:00" }""");
        assertEquals(0, a.lateReplies(24));
        assertEquals(24.0, a.getLongestReplyHours(), 1e-9);
    }

    @Test
    void countsUnansweredMessageAsLateUntilTheCheckDate() {
        NewMediaAccount a = withMessages("""
                { "received": "2021-01-01T09:00:00+08:00" },
                { "received": "2021-01-05T09:30:00+08:00", "answered": "2021-01-05T12:30:00+08:00" }""");
        assertEquals(2, a.getMessages());
        assertEquals(1, a.lateReplies(24));
        assertEquals(0, a.lateReplies(2000));
    }

    @Test
    void unansweredWaitEndsAtTheEndOfTheCheckDateInTheMessagesOffset() {
        NewMediaAccount a = withMessages("""
                { "received": "2021-01-01T09:00:00+08:00" }""");
        // waits until 2021-02-23T00:00+08:00: 53 days less 9 hours = 1263 h
        assertEquals(1263.0, a.getLongestReplyHours(), 1e-9);
    }

    @Test
    void unansweredMessageOfTheCheckDateIsNotYetLate() {
        NewMediaAccount a = withMessages("""
                { "received": "2021-02-22T03:00:00+08:00" }""");
        assertEquals(0, a.lateReplies(24));
        assertEquals(21.0, a.getLongestReplyHours(), 1e-9);
    }

    @Test
    void repliesEndUnansweredWaitAtTheEndOfTheCheckDateInItsOwnOffset() {
        // Straight into Replies, bypassing JSON binding: the offset +08:00 is kept.
        OffsetDateTime received = OffsetDateTime.of(2021, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        Replies r = Replies.of(List.of(new Batch.Message(received, null),
                new Batch.Message(received, received.plusHours(24))), d("2021-02-22"));
        assertEquals(2, r.received());
        assertEquals(1263.0, r.longestHours(), 1e-9);
        assertEquals(1, r.laterThan(24));
    }

    @Test
    void noMessagesMeansNothingLate() {
        NewMediaAccount a = withMessages("");
        assertEquals(0, a.getMessages());
        assertEquals(0, a.lateReplies(24));
        assertEquals(0.0, a.getLongestReplyHours());
    }
}
