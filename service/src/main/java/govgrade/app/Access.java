package govgrade.app;

import govgrade.packs.catalog.ReloadMode;

/**
 * Who may change what, beyond the rule authors' admin token ({@link Settings#adminToken()}): the
 * criteria editors' token (value cells only, and publishing), the grader token integrators must
 * send to grade when it is set, and whether edits on disk go live at once or await review.
 *
 * @param editorToken criteria editors' token (GOVGRADE_EDITOR_TOKEN); null or blank: no editors
 * @param graderToken required to grade when set (GOVGRADE_GRADER_TOKEN); null or blank: grading is open
 * @param reload      direct: files changed on disk that pass every check become active;
 *                    review: they are stored to await publish
 */
public record Access(String editorToken, String graderToken, ReloadMode reload) {
    /** The environment variable that carries the criteria editors' token. */
    public static final String EDITOR_TOKEN_VARIABLE = "GOVGRADE_EDITOR_TOKEN";
    /** The environment variable that carries the grader token. */
    public static final String GRADER_TOKEN_VARIABLE = "GOVGRADE_GRADER_TOKEN";

    public Access {
        editorToken = editorToken == null || editorToken.isBlank() ? null : editorToken;
        graderToken = graderToken == null || graderToken.isBlank() ? null : graderToken;
        if (reload == null) {
            throw new IllegalArgumentException("reload: direct or review is required");
        }
    }

    /** No editors, open grading, disk edits go live: how the service ran before roles. */
    public static Access defaults() {
        return new Access(null, null, ReloadMode.DIRECT);
    }

    /** Tokens are secrets: they never reach a log line through this record. */
    @Override
    public String toString() {
        return "Access[editorToken=" + (editorToken == null ? "none" : "set") + ", graderToken="
                + (graderToken == null ? "none" : "set") + ", reload=" + reload + "]";
    }
}
