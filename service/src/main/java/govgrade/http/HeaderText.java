package govgrade.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A header value as the client meant it. HTTP gives header bytes no charset and Jetty reads them
 * as ISO-8859-1, so {@code X-Actor: 张三} sent as UTF-8 (curl, Java, Python do) arrived as
 * mojibake. Two forms are read: raw UTF-8 bytes, and RFC 8187's {@code UTF-8''%E5%BC%A0%E4%B8%89}
 * for clients that can only send ASCII (a browser's fetch refuses other characters in headers).
 * Bytes that are not UTF-8 are kept as Latin-1, as they were read.
 */
final class HeaderText {
    private static final String EXT_PREFIX = "utf-8''";

    private HeaderText() {
    }

    /** The decoded value, or null for null; {@code name} names the header in a refusal. */
    static String decode(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.regionMatches(true, 0, EXT_PREFIX, 0, EXT_PREFIX.length())) {
            return percentDecoded(name, value.substring(EXT_PREFIX.length()));
        }
        byte[] bytes = new byte[value.length()];
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // decoded already: not bytes read as Latin-1
            }
            high |= c >= 0x80;
            bytes[i] = (byte) c;
        }
        if (!high) {
            return value;
        }
        try {
            return utf8(bytes);
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    private static String percentDecoded(String name, String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw refused(name, "a % must be followed by two hex digits");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                throw refused(name, "after UTF-8'' only ASCII and %XX escapes may follow");
            }
        }
        try {
            return utf8(out.toByteArray());
        } catch (CharacterCodingException e) {
            throw refused(name, "the %XX escapes are not UTF-8");
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static ApiError refused(String name, String why) {
        return ApiError.badRequest("invalid_header", name + ": " + why + " (send UTF-8, or UTF-8''%XX as RFC 8187 says)",
                name);
    }
}
