package govgrade.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The ranking group of a unit: townships and street offices, or departments. */
public enum Group {
    TOWNSHIP("township", "乡镇", "乡镇街道", "乡", "镇", "街道", "街道办"),
    DEPARTMENT("department", "部门", "部门单位", "单位", "县直部门", "市直部门");

    private final String code;
    private final String[] names;

    Group(String code, String... names) {
        this.code = code;
        this.names = names;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Group parse(String text) {
        for (Group g : values()) {
            if (g.code.equals(text)) {
                return g;
            }
            for (String n : g.names) {
                if (n.equals(text)) {
                    return g;
                }
            }
        }
        throw new IllegalArgumentException("unknown group \"" + text
                + "\"; expected township (乡镇) or department (部门)");
    }

    @Override
    public String toString() {
        return code;
    }
}
