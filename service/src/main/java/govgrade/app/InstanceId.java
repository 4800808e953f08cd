package govgrade.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which instance this is, among those over one store: a hash of the host name and the home
 * folder. The same across restarts; instances on one machine over one home folder share it, and
 * rightly so, since they read the same files; anything else gets an id of its own.
 */
final class InstanceId {
    private InstanceId() {
    }

    static String of(Path home) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((host + "\0" + home.toAbsolutePath().normalize()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
