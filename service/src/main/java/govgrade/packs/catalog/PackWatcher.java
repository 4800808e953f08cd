package govgrade.packs.catalog;

import govgrade.packs.PackSource;
import govgrade.packs.RuleLibrary;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload for installations that edit pack files in place. A change under rules-drl/ or
 * decision-tables/ schedules its pack (one under rules-lib/, every pack: any may include the
 * file) for a look once the folder has been quiet for a moment; the files must then read the
 * same twice in a row (an editor saving in several steps is not done yet), and only a version
 * that compiles becomes active. Compiling happens on this
 * watcher's own thread, never on a request's.
 */
public final class PackWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PackWatcher.class);

    private final PackCatalog catalog;
    private final Path home;
    private final long quietMillis;
    private final WatchService watch;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "govgrade-pack-reload");
        t.setDaemon(true);
        return t;
    });
    private final Thread listener;

    private PackWatcher(PackCatalog catalog, Path home, long quietMillis) throws IOException {
        this.catalog = catalog;
        this.home = home.toAbsolutePath().normalize();
        this.quietMillis = quietMillis;
        this.watch = FileSystems.getDefault().newWatchService();
        for (String d : new String[] {PackSource.DRL_DIR, PackSource.TABLE_DIR, RuleLibrary.LIB_DIR}) {
            Path root = this.home.resolve(d);
            if (Files.isDirectory(root)) {
                registerTree(root);
            }
        }
        this.listener = new Thread(this::listen, "govgrade-pack-watch");
        this.listener.setDaemon(true);
    }

    /** Starts watching; {@code quietMillis} is how long a pack's folder must be still before it is read. */
    public static PackWatcher start(PackCatalog catalog, Path home, long quietMillis) throws IOException {
        PackWatcher w = new PackWatcher(catalog, home, quietMillis);
        w.listener.start();
        LOG.info("watching {} and {} for pack changes", w.home.resolve(PackSource.DRL_DIR),
                w.home.resolve(PackSource.TABLE_DIR));
        return w;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path d : (Iterable<Path>) s.filter(Files::isDirectory)::iterator) {
                dirs.put(d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE), d);
            }
        }
    }

    private void listen() {
        try {
            while (true) {
                WatchKey key = watch.take();
                Path dir = dirs.get(key);
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (dir == null || e.kind() == StandardWatchEventKinds.OVERFLOW) {
                        catalog.home().ids().forEach(this::schedule);
                        continue;
                    }
                    Path changed = dir.resolve((Path) e.context());
                    if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        registerTree(changed);
                    }
                    if (isLibrary(changed)) {
                        // Each pack is read again; only those whose meaning changed get a version.
                        catalog.home().ids().forEach(this::schedule);
                    } else {
                        packOf(changed).ifPresent(this::schedule);
                    }
                }
                if (!key.reset()) {
                    dirs.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("pack watching stopped: {}", e.getMessage());
        }
    }

    private boolean isLibrary(Path p) {
        Path rel = home.relativize(p.toAbsolutePath().normalize());
        return rel.getNameCount() >= 1 && rel.getName(0).toString().equals(RuleLibrary.LIB_DIR);
    }

    /** The pack a changed path belongs to: the folder right under rules-drl/ or decision-tables/. */
    private java.util.Optional<String> packOf(Path p) {
        Path rel = home.relativize(p.toAbsolutePath().normalize());
        if (rel.getNameCount() >= 2) {
            return java.util.Optional.of(rel.getName(1).toString());
        }
        return java.util.Optional.empty();
    }

    private void schedule(String pack) {
        pending.compute(pack, (k, old) -> {
            if (old != null) {
                old.cancel(false);
            }
            return worker.schedule(() -> reload(pack), quietMillis, TimeUnit.MILLISECONDS);
        });
    }

    private void reload(String pack) {
        try {
            // Bytes, not meaning, tell a file still being written; the meaning is read once, when it is still.
            String first = PackSource.bytesHash(PackSource.filesOnDisk(home, pack));
            Thread.sleep(Math.max(50, quietMillis / 2));
            PackSource second = catalog.home().read(pack);
            if (!first.equals(PackSource.bytesHash(second.files()))) {
                schedule(pack); // still being written
                return;
            }
            if (second.isEmpty()) {
                return; // a folder emptied or removed: keep serving what was active
            }
            catalog.load(second);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A file vanishing between listing and reading is an editor mid-save; look again shortly.
            LOG.debug("pack {}: reading the files failed ({}); trying again", pack, e.getMessage());
            schedule(pack);
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException ignored) {
            // Closing a watch service only fails if it is already closed.
        }
        listener.interrupt();
        worker.shutdownNow();
    }
}
