package govgrade.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import govgrade.packs.CompiledPack;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Compiles the pack a batch file names while the batch is still being read: on a cold JVM the
 * compile takes seconds, reading a national batch as long, and the machine has a second core.
 * The pack is taken from the first 64 KB of the file; the validated batch still decides which
 * pack grades it, and compile errors are reported only after the batch's own, as before.
 */
final class EarlyPack {
    private static final long LOOK_AHEAD = 1 << 16;
    private static final JsonFactory JSON = new JsonFactory();

    private final String pack;
    private final FutureTask<CompiledPack> compile;

    private EarlyPack(String pack, FutureTask<CompiledPack> compile) {
        this.pack = pack;
        this.compile = compile;
    }

    /** Starts compiling the pack the file seems to name, on a daemon thread; never fails. */
    static EarlyPack start(Path batch, PackHome registry) {
        String pack = peek(batch);
        if (pack == null) {
            return new EarlyPack(null, null);
        }
        FutureTask<CompiledPack> task = new FutureTask<>(() -> registry.load(pack));
        Thread t = new Thread(task, "pack-compile");
        t.setDaemon(true);
        t.start();
        return new EarlyPack(pack, task);
    }

    /** The pack {@code id}, from the early compile where it guessed right, else compiled now. */
    CompiledPack load(String id, PackHome registry) throws UnknownPack, PackRejected, IOException {
        if (compile == null || !id.equals(pack)) {
            return registry.load(id);
        }
        try {
            return compile.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the pack compiled", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UnknownPack u) {
                throw u;
            } else if (c instanceof PackRejected r) {
                throw r;
            } else if (c instanceof IOException io) {
                throw io;
            } else if (c instanceof RuntimeException r) {
                throw r;
            } else if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** The root object's "pack" string if it comes within the look-ahead, else null. */
    static String peek(Path batch) {
        try (InputStream in = Files.newInputStream(batch); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int depth = 1;
            while (depth > 0 && p.currentLocation().getByteOffset() < LOOK_AHEAD) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return null;
                }
                if (depth == 1 && t == JsonToken.FIELD_NAME && "pack".equals(p.currentName())) {
                    return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // only a hint: the real read reports what is wrong with the file
        }
    }
}
