package govgrade.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin token that guards changing packs. Compared in constant time (both sides hashed, so
 * not even the length leaks); never logged. With no token configured, pack changes are off.
 */
final class AdminToken {
    private final byte[] digest;

    AdminToken(String token) {
        this.digest = token == null || token.isBlank() ? null : sha256(token);
    }

    boolean configured() {
        return digest != null;
    }

    /** Throws 403 when off or wrong, 401 when the request carries no token. */
    void check(String authorization) {
        if (digest == null) {
            throw new ApiError(403, "pack_changes_disabled",
                    "changing packs over HTTP is switched off: start the service with GOVGRADE_ADMIN_TOKEN set");
        }
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            throw new ApiError(401, "token_required", "this needs the admin token: Authorization: Bearer <token>");
        }
        if (!MessageDigest.isEqual(digest, sha256(authorization.substring(7).trim()))) {
            throw new ApiError(403, "token_rejected", "the admin token is wrong");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
