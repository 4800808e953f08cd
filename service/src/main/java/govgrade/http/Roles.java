package govgrade.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may do what, told by the bearer token a request carries. Rule authors (the admin token)
 * change any pack file and publish; criteria editors change value cells and publish versions
 * whose rule code is the active one's; integrators grade, and need the grader token only where
 * one is configured. Authors and editors may grade too. Tokens are compared in constant time
 * (hashed, so not even the length leaks) and never logged.
 */
final class Roles {
    /** What a token lets its holder do, least first. */
    enum Role {
        GRADER, EDITOR, AUTHOR;

        /** Whether this role may change rule code (DRL and workbook cells that are not values). */
        boolean mayChangeCode() {
            return this == AUTHOR;
        }
    }

    private final byte[] author;
    private final byte[] editor;
    private final byte[] grader;

    /** Null or blank tokens are not configured: no pack changes without author or editor, open grading without grader. */
    Roles(String authorToken, String editorToken, String graderToken) {
        this.author = digestOf(authorToken);
        this.editor = digestOf(editorToken);
        this.grader = digestOf(graderToken);
    }

    /** The role of someone changing a pack: 403 when changes are off or the token is wrong, 401 when there is none. */
    Role changer(String authorization) {
        if (author == null && editor == null) {
            throw new ApiError(403, "pack_changes_disabled", "changing packs over HTTP is switched off: start the "
                    + "service with GOVGRADE_ADMIN_TOKEN (rule authors) or GOVGRADE_EDITOR_TOKEN (criteria editors) set");
        }
        Role role = roleOf(bearer(authorization, "a rule author's or criteria editor's token"));
        if (role == null) {
            throw new ApiError(403, "token_rejected", "the token is wrong");
        }
        if (role == Role.GRADER) {
            throw new ApiError(403, "role_forbidden", "the grader token may grade, not change packs; this needs a "
                    + "rule author's or criteria editor's token");
        }
        return role;
    }

    /** Lets a grading request through: anyone when no grader token is configured, else any configured token. */
    void grader(String authorization) {
        if (grader != null && roleOf(bearer(authorization, "the grader token")) == null) {
            throw new ApiError(403, "token_rejected", "the token is wrong");
        }
    }

    /**
     * Lets a listing of stored runs through. Run ids are what lets anyone read a run, so a list of
     * them is open only where no token at all is configured; else it needs one (any role).
     */
    void reader(String authorization) {
        if ((author != null || editor != null || grader != null)
                && roleOf(bearer(authorization, "a configured token (any role)")) == null) {
            throw new ApiError(403, "token_rejected", "the token is wrong");
        }
    }

    /** Lets a rule author (the admin token) through: reading the audit log. */
    void author(String authorization) {
        Role role = roleOf(bearer(authorization, "the admin token"));
        if (role == null) {
            throw new ApiError(403, "token_rejected", "the token is wrong");
        }
        if (role != Role.AUTHOR) {
            throw new ApiError(403, "role_forbidden", "this needs the admin token (rule authors)");
        }
    }

    private static byte[] bearer(String authorization, String what) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            throw new ApiError(401, "token_required", "this needs " + what + ": Authorization: Bearer <token>");
        }
        return sha256(authorization.substring(7).trim());
    }

    /** The strongest role the token holds, or null; every configured token is compared, none skipped. */
    private Role roleOf(byte[] token) {
        boolean isAuthor = author != null && MessageDigest.isEqual(author, token);
        boolean isEditor = editor != null && MessageDigest.isEqual(editor, token);
        boolean isGrader = grader != null && MessageDigest.isEqual(grader, token);
        return isAuthor ? Role.AUTHOR : isEditor ? Role.EDITOR : isGrader ? Role.GRADER : null;
    }

    /** For the request log: anonymous (no bearer token), refused (a wrong one), or the role, lower case. */
    String nameOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            return "anonymous";
        }
        Role role = roleOf(sha256(authorization.substring(7).trim()));
        return role == null ? "refused" : role.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A token as compared here: hashed, so comparing takes the same time whatever its length. */
    static byte[] digest(String token) {
        return sha256(token);
    }

    private static byte[] digestOf(String token) {
        return token == null || token.isBlank() ? null : sha256(token);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
