package govgrade.rules;

/** How equal values share ranks: 82, 82, 79 ranks 1, 1, 2 (dense), 1, 1, 3 (competition) or 1, 2, 3 (ordinal). */
public enum RankMethod {
    DENSE("dense", "密集排名"),
    COMPETITION("competition", "并列跳号"),
    ORDINAL("ordinal", "顺序排名");

    private final String code;
    private final String chinese;

    RankMethod(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public static RankMethod lookup(String text) {
        for (RankMethod m : values()) {
            if (m.code.equalsIgnoreCase(text.trim()) || m.chinese.equals(text.trim())) {
                return m;
            }
        }
        return null;
    }

    public static String accepted() {
        return "密集排名 (dense), 并列跳号 (competition) or 顺序排名 (ordinal)";
    }
}
