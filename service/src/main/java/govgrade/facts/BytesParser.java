package govgrade.facts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;

/**
 * Jackson's parser of UTF-8 bytes held whole, which lets a reader that knows an array's shape read
 * it from the bytes itself and then go on past it ({@link #skipArray}): the posts of a batch are
 * nine tenths of its tokens ({@link PostScan}). Jackson has no public way to move a parser; the
 * fields this sets are protected for subclasses.
 *
 * <p>After a skip, line numbers of later locations do not count the array's lines. Nothing shows
 * them: JSON the byte parser finds malformed is read again by characters ({@link BatchReader}).
 */
final class BytesParser extends UTF8StreamJsonParser {
    private BytesParser(IOContext ctxt, int features, ObjectCodec codec, ByteQuadsCanonicalizer names, byte[] data,
                        int start, int end, int skipped) {
        super(ctxt, features, null, codec, names, data, start, end, skipped, false);
    }

    /** The bytes parsed. */
    byte[] bytes() {
        return _inputBuffer;
    }

    /** Where the next token starts, or whitespace before it: just past the last token read. */
    int position() {
        return _inputPtr;
    }

    /** Where the bytes end. */
    int end() {
        return _inputEnd;
    }

    /**
     * Standing on an array's start: goes past the array, whose closing bracket is the byte before
     * {@code to}, and stands on its end, as if each of its elements had been read.
     */
    void skipArray(int to) {
        if (_currToken != JsonToken.START_ARRAY || to <= _inputPtr || to > _inputEnd || _inputBuffer[to - 1] != ']') {
            throw new IllegalStateException("not an array's end at byte " + to);
        }
        _inputPtr = to;
        _parsingContext = _parsingContext.clearAndGetParent();
        _currToken = JsonToken.END_ARRAY;
    }

    /** A factory whose parsers of byte arrays are {@link BytesParser}s; every other source is parsed as Jackson's. */
    static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        Factory(JsonFactoryBuilder b) {
            super(b);
        }

        /**
         * What Jackson's bootstrapper makes for UTF-8, the only encoding bytes come here in
         * ({@link Utf8#plain} holds no NUL, by which it would guess another): a byte-order mark
         * skipped, names looked up in a child of the factory's table.
         */
        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) {
            int bom = len >= 3 && data[offset] == (byte) 0xEF && data[offset + 1] == (byte) 0xBB
                    && data[offset + 2] == (byte) 0xBF ? 3 : 0;
            ctxt.setEncoding(JsonEncoding.UTF8);
            return new BytesParser(ctxt, _parserFeatures, _objectCodec, _byteSymbolCanonicalizer.makeChild(
                    _factoryFeatures), data, offset + bom, offset + len, bom);
        }
    }
}
