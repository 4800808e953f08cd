package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The byte check lets through exactly what the strict decoder reads, less NUL. */
class Utf8Test {
    @Test
    void refusesWhatTheStrictDecoderRefusesAndNul() {
        for (String hex : List.of("c0af", "e080af", "eda080", "edbfbf", "f4908080", "f8888080", "80", "bf", "c2",
                "e282", "f09f98", "7b00", "ff", "fe", "c1bf", "e0 9f bf".replace(" ", ""))) {
            assertFalse(Utf8.plain(HexFormat.of().parseHex(hex)), hex);
        }
        for (String hex : List.of("", "7b7d", "c2a0", "e282ac", "ed9fbf", "ee8080", "f0908080", "f48fbfbf",
                "efbbbf7b7d")) {
            assertTrue(Utf8.plain(HexFormat.of().parseHex(hex)), hex);
        }
    }

    @Test
    void aBadByteIsFoundAtEveryPlaceOfAnAsciiRun() {
        byte[] ascii = "{\"date\":\"2020-10-01\",\"original\":true}".repeat(3).getBytes(StandardCharsets.US_ASCII);
        assertTrue(Utf8.plain(ascii));
        for (int at = 0; at < ascii.length; at++) {
            for (byte bad : new byte[] {0, (byte) 0x80, (byte) 0xC0, (byte) 0xFF}) {
                byte[] b = ascii.clone();
                b[at] = bad;
                assertFalse(Utf8.plain(b), at + ": " + bad);
            }
        }
    }

    @Property(tries = 2000)
    void agreesWithTheStrictDecoder(@ForAll("texts") byte[] bytes) {
        assertEquals(strictlyDecodes(bytes) && !hasNul(bytes), Utf8.plain(bytes), HexFormat.of().formatHex(bytes));
    }

    /** A file's reader checks what it holds so far: well-formed text cut anywhere stops at the cut character. */
    @Property(tries = 1000)
    void wellFormedTextCutAnywhereStopsAtTheCutCharacter(@ForAll("texts") byte[] bytes) {
        Assume.that(strictlyDecodes(bytes));
        for (int k = 0; k <= bytes.length; k++) {
            int start = k;
            while (start < bytes.length && start > 0 && (bytes[start] & 0xC0) == 0x80) {
                start--;
            }
            int stop = Utf8.wellFormed(bytes, 0, k, true);
            assertEquals(start, stop, "cut at " + k + ": " + HexFormat.of().formatHex(bytes));
            assertEquals(stop < k, Utf8.cut(bytes, stop, k), "cut at " + k);
        }
    }

    /** Runs of ASCII, whole characters of every length, and stray bytes, so both verdicts come up often. */
    @Provide
    Arbitrary<byte[]> texts() {
        Arbitrary<byte[]> ascii = Arbitraries.strings().ascii().ofMaxLength(20).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> chars = Arbitraries.integers().between(0x80, 0x10FFFF).filter(c -> c < 0xD800 || c > 0xDFFF)
                .map(c -> new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> stray = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3);
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, ascii), net.jqwik.api.Tuple.of(6, chars), net.jqwik.api.Tuple.of(1, stray));
        return piece.list().ofMaxSize(12).map(parts -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    private static boolean strictlyDecodes(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasNul(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return true;
            }
        }
        return false;
    }
}
