package govgrade.facts;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the accounts of a batch: each account's fields, its posts, messages and stated gaps. Posts
 * are most of a national batch (millions), so a post is read without allocating (its date from
 * the parser's own characters) and equal posts share one instance: a quarter has 92 days, so 4.5
 * million posts are a few hundred distinct ones.
 */
final class AccountBinder {
    static final String[] ACCOUNT = {"id", "name", "platform", "unit", "region", "posts", "lastUpdate",
        "originals", "reposts", "recommendedReposts", "longestGap", "longestOriginalGap", "findings", "messages",
        "figures"};
    private static final String[] POST = {"date", "original", "recommended"};
    private static final String[] MESSAGE = {"received", "answered"};
    private static final String[] SPAN = {"from", "to"};
    private static final Batch.Post[] SHARED = new Batch.Post[Dates.slots() * 9];

    private final JsonCursor c;
    private final BatchLimits limits;

    AccountBinder(JsonCursor c, BatchLimits limits) {
        this.c = c;
        this.limits = limits;
    }

    List<Batch.Account> accounts() throws IOException {
        return JsonArrays.read(c, "an array of accounts", limits.accounts(), "accounts", BatchLimits.ACCOUNTS,
                this::account);
    }

    private Batch.Account account() throws IOException {
        if (!c.startObject(ACCOUNT, "an account object")) {
            return null;
        }
        String id = null;
        String name = null;
        Platform platform = null;
        String unit = null;
        String region = null;
        List<Batch.Post> posts = null;
        LocalDate lastUpdate = null;
        Integer originals = null;
        Integer reposts = null;
        Integer recommendedReposts = null;
        Batch.DateSpan longestGap = null;
        Batch.DateSpan longestOriginalGap = null;
        List<Batch.Finding> findings = null;
        List<Batch.Message> messages = null;
        Map<String, Object> figures = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "id" -> id = c.string();
                case "name" -> name = c.string();
                case "platform" -> platform = c.parsed(Platform::exact, "a platform code or Chinese name");
                case "unit" -> unit = c.string();
                case "region" -> region = c.string();
                case "posts" -> posts = posts();
                case "lastUpdate" -> lastUpdate = c.date();
                case "originals" -> originals = c.whole();
                case "reposts" -> reposts = c.whole();
                case "recommendedReposts" -> recommendedReposts = c.whole();
                case "longestGap" -> longestGap = span();
                case "longestOriginalGap" -> longestOriginalGap = span();
                case "findings" -> findings = BatchBinder.findings(c, limits);
                case "messages" -> messages = messages();
                case "figures" -> figures = FiguresBinder.figures(c);
                default -> c.unknownField();
            }
        }
        return new Batch.Account(id, name, platform, unit, region, posts, lastUpdate, originals, reposts,
                recommendedReposts, longestGap, longestOriginalGap, findings, messages, figures);
    }

    /** Null where the field is null or not an array (reported): an account without posts. */
    private List<Batch.Post> posts() throws IOException {
        if (!c.startArray("an array of posts")) {
            return null;
        }
        List<Batch.Post> list = new ArrayList<>(32);
        int limit = limits.postsPerAccount();
        boolean scanned = c.scanned((bytes, from, end) -> {
            list.clear();
            return PostScan.scan(bytes, from, end, limit, list);
        });
        if (scanned) {
            return list;
        }
        list.clear();
        while (c.nextElement(limits.postsPerAccount(), "posts", BatchLimits.POSTS)) {
            list.add(post());
        }
        return list;
    }

    private Batch.Post post() throws IOException {
        if (!c.startObject(POST, "a post object { \"date\": ..., \"original\": ..., \"recommended\": ... }")) {
            return null;
        }
        LocalDate date = null;
        Boolean original = null;
        Boolean recommended = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "date" -> date = c.date();
                case "original" -> original = c.bool();
                case "recommended" -> recommended = c.bool();
                default -> c.unknownField();
            }
        }
        return shared(date, original, recommended);
    }

    /** The one post of that date and those flags, made once per day of 1970-2099. */
    static Batch.Post shared(LocalDate date, Boolean original, Boolean recommended) {
        int day = date == null ? -1 : Dates.slot(date);
        if (day < 0) {
            return new Batch.Post(date, original, recommended);
        }
        int slot = day * 9 + state(original) * 3 + state(recommended);
        Batch.Post shared = SHARED[slot];
        if (shared == null) {
            shared = new Batch.Post(date, original, recommended);
            SHARED[slot] = shared;
        }
        return shared;
    }

    private static int state(Boolean b) {
        return b == null ? 0 : b ? 1 : 2;
    }

    private List<Batch.Message> messages() throws IOException {
        return JsonArrays.read(c, "an array of messages", limits.messagesPerAccount(), "messages",
                BatchLimits.MESSAGES, this::message);
    }

    private Batch.Message message() throws IOException {
        if (!c.startObject(MESSAGE, "a message object { \"received\": instant, \"answered\": instant }")) {
            return null;
        }
        OffsetDateTime received = null;
        OffsetDateTime answered = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "received" -> received = c.instant();
                case "answered" -> answered = c.instant();
                default -> c.unknownField();
            }
        }
        return new Batch.Message(received, answered);
    }

    private Batch.DateSpan span() throws IOException {
        if (!c.startObject(SPAN, "{ \"from\": date, \"to\": date }")) {
            return null;
        }
        LocalDate from = null;
        LocalDate to = null;
        while (c.nextField()) {
            switch (c.name()) {
                case "from" -> from = c.date();
                case "to" -> to = c.date();
                default -> c.unknownField();
            }
        }
        return new Batch.DateSpan(from, to);
    }
}
