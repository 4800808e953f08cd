package govgrade.facts;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads an account's array of posts straight from the body's bytes, when every post is written as
 * batches' writers write them: {@code {"date":"2020-10-05","original":true,"recommended":false}},
 * the fields in that order, {@code original} and {@code recommended} each left out or a boolean,
 * whitespace wherever JSON allows it. Posts are 27,000 of a county batch's 30,000 tokens, and
 * Jackson's token by token walk over them (names matched, the date copied out as characters, a
 * context per object) was most of reading a batch over HTTP.
 *
 * <p>Anything else gives up on the whole array (-1): a null or another value for a post, another
 * field or order, a date that is not a real YYYY-MM-DD, an escape, more posts than the limit,
 * JSON that is not well formed. The array is then read by {@link AccountBinder} token by token as
 * before, so every refusal is found and worded as it always was. The posts made here are the ones
 * that reading makes ({@link AccountBinder#shared}).
 */
final class PostScan {
    private static final byte[] DATE = ascii("\"date\"");
    private static final byte[] ORIGINAL = ascii("\"original\"");
    private static final byte[] RECOMMENDED = ascii("\"recommended\"");

    private PostScan() {
    }

    /**
     * The posts of the array whose '[' is just before {@code from}, added to {@code into}: where the
     * array ends (just past its ']'), or -1 where it is not all posts written as above, or holds more
     * than {@code limit}; {@code into} then holds what was read before giving up.
     */
    static int scan(byte[] b, int from, int end, int limit, List<Batch.Post> into) {
        int i = space(b, from, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            if (into.size() >= limit) {
                return -1;
            }
            i = post(b, i, end, into);
            if (i < 0) {
                return -1;
            }
            i = space(b, i, end);
            if (i >= end) {
                return -1;
            }
            if (b[i] == ']') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = space(b, i + 1, end);
        }
    }

    /** One post object from its '{': just past its '}', or -1. */
    private static int post(byte[] b, int i, int end, List<Batch.Post> into) {
        if (i >= end || b[i] != '{') {
            return -1;
        }
        i = value(b, space(b, i + 1, end), end, DATE);
        // Exactly ten bytes between the quotes: no escape, nothing longer or shorter.
        if (i < 0 || i + 12 > end || b[i] != '"' || b[i + 11] != '"') {
            return -1;
        }
        LocalDate date = Dates.parse(b, i + 1);
        if (date == null) {
            return -1;
        }
        i = space(b, i + 12, end);
        Boolean original = null;
        Boolean recommended = null;
        boolean more = i < end && b[i] == ',';
        if (more) {
            i = space(b, i + 1, end);
            int at = value(b, i, end, ORIGINAL);
            if (at >= 0) {
                original = bool(b, at, end);
                if (original == null) {
                    return -1;
                }
                i = space(b, at + (original ? 4 : 5), end);
                more = i < end && b[i] == ',';
                if (more) {
                    i = space(b, i + 1, end);
                }
            }
            // After a comma (the date's, or original's) only recommended may come in the usual form.
            if (more) {
                at = value(b, i, end, RECOMMENDED);
                if (at < 0) {
                    return -1;
                }
                recommended = bool(b, at, end);
                if (recommended == null) {
                    return -1;
                }
                i = space(b, at + (recommended ? 4 : 5), end);
            }
        }
        if (i >= end || b[i] != '}') {
            return -1;
        }
        into.add(AccountBinder.shared(date, original, recommended));
        return i + 1;
    }

    /** Where the value of the field {@code name} (quotes included) starts, if the field is at {@code i}; else -1. */
    private static int value(byte[] b, int i, int end, byte[] name) {
        if (i < 0 || i + name.length > end) {
            return -1;
        }
        for (int k = 0; k < name.length; k++) {
            if (b[i + k] != name[k]) {
                return -1;
            }
        }
        i = space(b, i + name.length, end);
        if (i >= end || b[i] != ':') {
            return -1;
        }
        return space(b, i + 1, end);
    }

    /** The literal true or false at {@code i}, or null for anything else. */
    private static Boolean bool(byte[] b, int i, int end) {
        if (i + 4 <= end && b[i] == 't' && b[i + 1] == 'r' && b[i + 2] == 'u' && b[i + 3] == 'e') {
            return Boolean.TRUE;
        }
        if (i + 5 <= end && b[i] == 'f' && b[i + 1] == 'a' && b[i + 2] == 'l' && b[i + 3] == 's' && b[i + 4] == 'e') {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Past JSON's whitespace from {@code i}. */
    private static int space(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
