package io.tenantgate.common.problem;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses filter parameters so that a wrong value answers 400 naming the parameter, where JAX-RS conversion
 * would answer 404 as if the resource did not exist.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The constant named by {@code value} (case-insensitive), or null when absent. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalidField(name, "one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** An ISO-8601 time with offset, such as 2026-01-31T00:00:00Z, or null when absent. */
    public static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException bad) {
            throw ProblemException.invalidField(name, "an ISO-8601 time with offset, such as 2026-01-31T00:00:00Z");
        }
    }
}
