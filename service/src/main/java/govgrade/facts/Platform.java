package govgrade.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A new-media platform; batches may name it by code or by its usual Chinese name. */
public enum Platform {
    WECHAT("wechat", "微信公众号", "微信订阅号", "微信", "公众号", "订阅号"),
    WECHAT_SERVICE("wechat-service", "微信服务号", "服务号"),
    WECHAT_CHANNELS("wechat-channels", "视频号", "微信视频号"),
    WEIBO("weibo", "新浪微博", "微博"),
    DOUYIN("douyin", "抖音", "抖音号"),
    TOUTIAO("toutiao", "今日头条", "头条号", "头条"),
    KUAISHOU("kuaishou", "快手", "快手号"),
    RENMINHAO("renminhao", "人民号"),
    APP("app", "客户端", "移动客户端", "APP"),
    OTHER("other", "其他");

    private final String code;
    private final List<String> names;

    Platform(String code, String... names) {
        this.code = code;
        this.names = List.of(names);
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The Chinese name a circular prints. */
    public String chineseName() {
        return names.get(0);
    }

    @JsonCreator
    public static Platform parse(String text) {
        String t = text == null ? "" : text.trim();
        for (Platform p : values()) {
            if (p.code.equalsIgnoreCase(t) || p.names.stream().anyMatch(n -> n.equalsIgnoreCase(t))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform \"" + text + "\"; expected one of " + accepted());
    }

    /**
     * As a batch must name it: a code or a name exactly as listed. {@link #parse} also forgives case
     * and spaces, for staff-edited tables; a batch is another system's output and held to the contract.
     */
    static Platform exact(String text) {
        Platform p = text == null ? null : Exact.BY_NAME.get(text);
        if (p != null) {
            return p;
        }
        throw new IllegalArgumentException("unknown platform \"" + text + "\"; expected one of " + accepted());
    }

    /** Each code and name as written, to its platform: read once per account of every batch. */
    private static final class Exact {
        static final Map<String, Platform> BY_NAME = byName();

        private static Map<String, Platform> byName() {
            Map<String, Platform> m = new HashMap<>();
            for (Platform p : values()) {
                // The first platform to list a name keeps it, as the search in declaration order did.
                m.putIfAbsent(p.code, p);
                p.names.forEach(n -> m.putIfAbsent(n, p));
            }
            return Map.copyOf(m);
        }
    }

    static String accepted() {
        return Arrays.stream(values())
                .map(p -> p.code + " (" + String.join("/", p.names) + ")")
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return code.toLowerCase(Locale.ROOT);
    }
}
