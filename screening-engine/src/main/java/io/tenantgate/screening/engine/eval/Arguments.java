package io.tenantgate.screening.engine.eval;

import io.tenantgate.screening.engine.index.EngineSettings;
import java.util.Optional;

/**
 * The options of the evaluation commands ({@code --threshold}, {@code --out}, {@code --part}, ...), also read by the
 * suite's {@code eval decisions}.
 */
public final class Arguments {

    static final double DEFAULT_THRESHOLD = EngineSettings.DEFAULT_THRESHOLD;

    private final String[] args;

    public Arguments(String[] args) {
        this.args = args;
    }

    public double threshold() {
        return option("--threshold").map(Double::parseDouble).orElse(DEFAULT_THRESHOLD);
    }

    boolean flag(String name) {
        return java.util.Arrays.asList(args).contains(name);
    }

    /** The value after {@code name}; empty when the option is not given, an error when its value is missing. */
    public Optional<String> option(String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
