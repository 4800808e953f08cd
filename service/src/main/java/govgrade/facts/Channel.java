package govgrade.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a result grades: a new-media account, or one of a unit's website duties. */
public enum Channel {
    NEW_MEDIA("new-media", "政务新媒体"),
    COLUMNS("columns", "栏目保障"),
    NEWS("news", "快讯动态"),
    DISCLOSURE("disclosure", "政府信息公开"),
    SUBMISSIONS("submissions", "信息报送"),
    ADOPTION("adoption", "信息采用");

    private final String code;
    private final String chinese;

    Channel(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String chineseName() {
        return chinese;
    }

    @JsonCreator
    public static Channel parse(String text) {
        for (Channel c : values()) {
            if (c.code.equals(text) || c.chinese.equals(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel \"" + text
                + "\"; expected disclosure, news, submissions or adoption");
    }

    @Override
    public String toString() {
        return code;
    }
}
