package govgrade.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a synthetic {@code shangqiu} fact batch of any size, streaming: one account at a time
 * goes to the output, so a national batch (150,000 accounts, about 4.5 million posts) never
 * sits in memory. The same spec gives the same bytes on every run and machine: one seeded
 * {@link SplittableRandom} drawn in a fixed order, and no clock, locale or hash order involved.
 *
 * <p>Shape, as a province's reporting system would send it: units in up to 300 regions (two
 * thirds townships), about three accounts per unit on every platform (codes and Chinese names),
 * 15 to 45 dated posts per account in the 2020 fourth quarter (originals, recommended reposts),
 * about 12% stale accounts whose last post is 15 or more days before the check date (1% with
 * no post at all), messages on 5% of accounts and inspectors' findings on 2%.
 */
public final class BatchGenerator {
    /** Part of cached file names: bump when the generator's output changes. */
    public static final int FORMAT = 1;

    static final LocalDate FROM = LocalDate.of(2020, 10, 1);
    static final LocalDate TO = LocalDate.of(2020, 12, 31);
    static final int DAYS = (int) (TO.toEpochDay() - FROM.toEpochDay()) + 1;
    /** The pack's staleDays is 14: an account is stale from 15 days without a post. */
    private static final int STALE_AFTER = 15;
    private static final String[][] PLATFORMS = {
        {"wechat", "微信公众号"}, {"wechat", "微信订阅号"}, {"wechat", "微信公众号"}, {"wechat", "wechat"},
        {"weibo", "新浪微博"}, {"weibo", "weibo"}, {"douyin", "抖音"}, {"douyin", "douyin"},
        {"toutiao", "今日头条"}, {"kuaishou", "快手"}, {"wechat-service", "微信服务号"},
        {"wechat-channels", "视频号"}, {"renminhao", "人民号"}, {"app", "移动客户端"}, {"other", "other"},
    };
    private static final String[] FINDINGS = {"CERTIFICATION_IRREGULAR", "PERSONAL_ACCOUNT", "DUPLICATE_PLATFORM_ACCOUNT"};
    private static final String[] DATES = new String[DAYS];

    static {
        for (int d = 0; d < DAYS; d++) {
            DATES[d] = FROM.plusDays(d).toString();
        }
    }

    /** The named sizes of the issue: a county, a province, the national system. */
    public enum Size {
        COUNTY(150), PROVINCE(15_000), NATIONAL(150_000);

        private final int accounts;

        Size(int accounts) {
            this.accounts = accounts;
        }

        public int accounts() {
            return accounts;
        }
    }

    /** What to generate; validated on construction. */
    public record Spec(int accounts, long seed) {
        public Spec {
            if (accounts < 1) {
                throw new IllegalArgumentException("accounts must be at least 1, not " + accounts);
            }
        }

        /** Up to 300 regions, about ten accounts per region in small batches. */
        int regions() {
            return Math.max(1, Math.min(300, accounts / 10));
        }

        int units() {
            return Math.max(1, (accounts + 2) / 3);
        }
    }

    /** Counts of what was written, for a caller's report. */
    public record Written(int units, int accounts, long posts, int staleAccounts) {
    }

    private final Spec spec;
    private final SplittableRandom random;

    private BatchGenerator(Spec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
    }

    /** Writes the batch as compact UTF-8 JSON; {@code out} is left open. */
    public static Written write(Spec spec, OutputStream out) throws IOException {
        JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            return new BatchGenerator(spec).batch(g);
        }
    }

    private Written batch(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("pack", "shangqiu");
        g.writeObjectFieldStart("period");
        g.writeStringField("from", FROM.toString());
        g.writeStringField("to", TO.toString());
        g.writeStringField("checkDate", TO.toString());
        g.writeEndObject();
        g.writeArrayFieldStart("units");
        for (int u = 0; u < spec.units(); u++) {
            g.writeStartObject();
            g.writeStringField("id", unitId(u));
            g.writeStringField("name", unitName(u));
            g.writeStringField("group", random.nextInt(3) < 2 ? "township" : "department");
            g.writeStringField("region", region(u % spec.regions()));
            g.writeEndObject();
        }
        g.writeEndArray();
        long posts = 0;
        int stale = 0;
        g.writeArrayFieldStart("accounts");
        for (int a = 0; a < spec.accounts(); a++) {
            int unit = a / 3 % spec.units();
            String[] platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
            g.writeStartObject();
            g.writeStringField("id", "acc-" + pad(a, 6));
            g.writeStringField("name", unitName(unit) + platform[1] + (a % 3 == 0 ? "" : "-" + a % 3));
            g.writeStringField("platform", platform[1]);
            g.writeStringField("unit", unitId(unit));
            g.writeStringField("region", region(unit % spec.regions()));
            boolean isStale = random.nextInt(100) < 12;
            stale += isStale ? 1 : 0;
            posts += posts(g, isStale);
            if (random.nextInt(100) < 5) {
                messages(g);
            }
            if (random.nextInt(100) < 2) {
                g.writeArrayFieldStart("findings");
                g.writeStartObject();
                g.writeStringField("code", FINDINGS[random.nextInt(FINDINGS.length)]);
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        return new Written(spec.units(), spec.accounts(), posts, stale);
    }

    /** Posts in date order; a stale account's newest post is 15 or more days before the check date. */
    private int posts(JsonGenerator g, boolean stale) throws IOException {
        int count = stale && random.nextInt(12) == 0 ? 0 : 15 + random.nextInt(31);
        int last = stale ? random.nextInt(DAYS - STALE_AFTER) : DAYS - 1 - random.nextInt(STALE_AFTER);
        int[] days = new int[count];
        for (int i = 0; i < count; i++) {
            days[i] = i == 0 ? last : random.nextInt(last + 1);
        }
        Arrays.sort(days);
        g.writeArrayFieldStart("posts");
        for (int day : days) {
            g.writeStartObject();
            g.writeStringField("date", DATES[day]);
            boolean original = random.nextInt(100) < 45;
            g.writeBooleanField("original", original);
            if (!original && random.nextInt(100) < 15) {
                g.writeBooleanField("recommended", true);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        return count;
    }

    /** One to three messages at 09:00 Beijing time, answered 1 to 72 hours later or (one in ten) not at all. */
    private void messages(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("messages");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int day = random.nextInt(DAYS);
            g.writeStartObject();
            g.writeStringField("received", DATES[day] + "T09:00:00+08:00");
            if (random.nextInt(10) > 0) {
                int hours = 1 + random.nextInt(72);
                LocalDate answered = FROM.plusDays(day + (9 + hours) / 24);
                g.writeStringField("answered", answered + "T" + pad((9 + hours) % 24, 2) + ":00:00+08:00");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String unitId(int u) {
        return "unit-" + pad(u, 5);
    }

    private static String unitName(int u) {
        return "第" + u + "号单位";
    }

    private static String region(int r) {
        return r == 0 ? "市政府部门" : "第" + pad(r, 3) + "区县";
    }

    /** Zero-padded ASCII digits; String.format would follow the default locale's digits. */
    private static String pad(int n, int width) {
        StringBuilder s = new StringBuilder(Integer.toString(n));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
