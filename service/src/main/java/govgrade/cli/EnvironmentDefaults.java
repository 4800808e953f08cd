package govgrade.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code serve}'s options from the environment: {@code --max-body-mb} from {@code GOVGRADE_MAX_BODY_MB},
 * and so on for each, so a container or a unit file configures the service without a command line.
 * picocli asks this before an option's own default, and a flag given on the command line wins over both.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
    static final String PREFIX = "GOVGRADE_";

    private final Map<String, String> environment;

    /** picocli makes one by reflection: the process's environment. */
    public EnvironmentDefaults() {
        this(System.getenv());
    }

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec o) || o.usageHelp() || o.versionHelp() || o.longestName().equals(ErrorLines.VERBOSE)) {
            return null;
        }
        String value = environment.get(variable(o));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code --max-body-mb} is {@code GOVGRADE_MAX_BODY_MB}. */
    static String variable(OptionSpec option) {
        return PREFIX + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
