package io.tenantgate.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line options of the form {@code --name value}. The options a program knows are those its usage
 * text names; any other is an error that shows the usage.
 */
final class Options {

    private final Map<String, String> given;

    private Options(Map<String, String> given) {
        this.given = given;
    }

    static Options parse(String[] args, String usage) {
        Set<String> known = new HashSet<>();
        Matcher flags = Pattern.compile("--[a-z-]+").matcher(usage);
        while (flags.find()) {
            known.add(flags.group());
        }
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!known.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException((known.contains(args[i]) ? args[i] + " needs a value"
                        : "unknown option " + args[i]) + "\n" + usage);
            }
            given.put(args[i], args[i + 1]);
        }
        return new Options(given);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(given.get(name));
    }

    String text(String name, String fallback) {
        return given.getOrDefault(name, fallback);
    }

    int positive(String name, int fallback) {
        int value = text(name).map(Integer::parseInt).orElse(fallback);
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }

    double decimal(String name, double fallback) {
        return text(name).map(Double::parseDouble).orElse(fallback);
    }
}
