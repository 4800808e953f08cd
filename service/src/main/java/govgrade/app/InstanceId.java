package govgrade.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which instance this is, among those over one store, in the two senses the store needs: the
 * files it sees ({@link #of}, the same across restarts) and the leases it holds ({@link #forLeases},
 * new at every start).
 */
final class InstanceId {
    private InstanceId() {
    }

    /**
     * A hash of the host name and the home folder. Instances on one machine over one home folder
     * share it, and rightly so, since they read the same files; anything else gets an id of its own.
     */
    static String of(Path home) {
        String host = host();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((host + "\0" + home.toAbsolutePath().normalize()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The name this instance claims job items under, and that a job's answer credits: host and
     * port for people, and a part new at every start, so an instance restarted on the same port
     * never passes for the one that died holding leases.
     */
    static String forLeases(int port) {
        byte[] start = new byte[3];
        ThreadLocalRandom.current().nextBytes(start);
        return host() + ":" + port + "-" + HexFormat.of().formatHex(start);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
    }
}
