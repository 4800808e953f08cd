package govgrade.facts;

/** Batches of many accounts, written out as text, with a mistake where a test asks for one. */
public final class LargeBatches {
    private LargeBatches() {
    }

    /**
     * {@code accounts} accounts of two posts each in June 2023 for the shangqiu pack; {@code negative}: the
     * account with originals -1; {@code lastId}: the last account's id where not blank; {@code lateAt}: the account
     * whose second post is dated after the period (-1: none).
     */
    public static String json(int accounts, int negative, String lastId, int lateAt) {
        StringBuilder b = new StringBuilder(accounts * 200);
        b.append("{\"pack\": \"shangqiu\", \"period\": {\"from\": \"2023-06-01\", \"to\": \"2023-06-30\"},\n")
                .append("\"units\": [{\"id\": \"u1\", \"name\": \"第1号单位\", \"group\": \"township\", \"region\": \"甲县\"}],\n")
                .append("\"accounts\": [");
        for (int i = 0; i < accounts; i++) {
            String id = i == accounts - 1 && !lastId.isEmpty() ? lastId : "acc-" + i;
            b.append(i == 0 ? "\n" : ",\n").append("{\"id\": \"").append(id).append("\", \"name\": \"第").append(i)
                    .append("号账号\", \"platform\": \"wechat\", \"unit\": \"u1\", \"region\": \"甲县\"");
            if (i == negative) {
                b.append(", \"originals\": -1");
            }
            b.append(", \"posts\": [{\"date\": \"2023-06-0").append(1 + i % 9).append("\", \"original\": true}, ")
                    .append("{\"date\": \"").append(i == lateAt ? "2023-07-02" : "2023-06-20")
                    .append("\", \"original\": false}]}");
        }
        return b.append("]}").toString();
    }
}
