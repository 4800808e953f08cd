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
import java.io.IOException;

/**
 * Jackson's parser of UTF-8 bytes held whole, which lets a reader that knows an array's shape read
 * it from the bytes itself and then go on past it ({@link #skipArray}): the posts of a batch are
 * nine tenths of its tokens ({@link PostScan}). Jackson has no public way to move a parser; the
 * fields this sets are protected for subclasses.
 *
 * <p>Bytes are held whole (a request's body) or read from a stream into a buffer of {@link #BUFFER}
 * bytes (a file, {@link BytesAhead}); an array the buffer ends inside is brought whole into it with
 * {@link #readOn} when it fits.
 *
 * <p>After a skip, line numbers of later locations do not count the array's lines. Nothing shows
 * them: JSON the byte parser finds malformed is read again by characters ({@link BatchReader}).
 */
final class BytesParser extends UTF8StreamJsonParser {
    /** A stream's buffer: an account's posts (a few kilobytes) fit many times; longer arrays are read by tokens. */
    static final int BUFFER = 1 << 17;

    private BytesParser(IOContext ctxt, int features, ObjectCodec codec, ByteQuadsCanonicalizer names, byte[] data,
                        int start, int end, int skipped) {
        super(ctxt, features, null, codec, names, data, start, end, skipped, false);
    }

    private BytesParser(IOContext ctxt, int features, BytesAhead in, ObjectCodec codec, ByteQuadsCanonicalizer names) {
        super(ctxt, features, in, codec, names, new byte[BUFFER], 0, 0, 0, false);
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
     * Where the bytes held end before the array just entered does (no ']' after {@link #position})
     * and the stream has more: moves what is held of it to the buffer's start and reads on until
     * the buffer is full or the stream ends. False where nothing more could be read: the bytes are
     * held whole, the stream has ended, or the array already fills the buffer.
     */
    boolean readOn() throws IOException {
        if (_inputStream == null || (_inputPtr == 0 && _inputEnd == _inputBuffer.length)) {
            return false;
        }
        for (int i = _inputPtr; i < _inputEnd; i++) {
            if (_inputBuffer[i] == ']') {
                return false;
            }
        }
        int held = _inputEnd - _inputPtr;
        // As Jackson's own loading counts what it leaves behind, so later locations stay right.
        _currInputProcessed += _inputPtr;
        _currInputRowStart -= _inputPtr;
        System.arraycopy(_inputBuffer, _inputPtr, _inputBuffer, 0, held);
        _inputPtr = 0;
        _inputEnd = held;
        while (_inputEnd < _inputBuffer.length) {
            int n = _inputStream.read(_inputBuffer, _inputEnd, _inputBuffer.length - _inputEnd);
            if (n < 0) {
                break;
            }
            _inputEnd += n;
        }
        return _inputEnd > held;
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

    /**
     * A factory whose parsers of byte arrays, and of {@link BytesAhead}, are {@link BytesParser}s;
     * every other source is parsed as Jackson's.
     */
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

        /** A parser of the checked UTF-8 bytes of {@code in}, the byte-order mark already left out. */
        JsonParser createParser(BytesAhead in) {
            IOContext ctxt = _createContext(_createContentReference(in), false);
            ctxt.setEncoding(JsonEncoding.UTF8);
            return new BytesParser(ctxt, _parserFeatures, in, _objectCodec, _byteSymbolCanonicalizer.makeChild(
                    _factoryFeatures));
        }
    }
}
