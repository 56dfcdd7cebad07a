package io.tenantgate.screening.engine.eval;

import io.tenantgate.screening.engine.index.EngineSettings;
import java.util.Optional;

/** The options of the evaluation commands: {@code --threshold}, {@code --out}, {@code --country}, {@code --dob}. */
final class Arguments {

    static final double DEFAULT_THRESHOLD = EngineSettings.DEFAULT_THRESHOLD;

    private final String[] args;

    Arguments(String[] args) {
        this.args = args;
    }

    double threshold() {
        return option("--threshold").map(Double::parseDouble).orElse(DEFAULT_THRESHOLD);
    }

    boolean flag(String name) {
        return java.util.Arrays.asList(args).contains(name);
    }

    Optional<String> option(String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
