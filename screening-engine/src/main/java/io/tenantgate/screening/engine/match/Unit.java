package io.tenantgate.screening.engine.match;

import io.tenantgate.screening.engine.normalize.NameScript;

/**
 * A token, or two adjacent tokens read as one word so that "AL QAEDA" meets "ALQAEDA". {@code mask} has a
 * bit per token position covered; {@code weight} is the sum of their weights; {@code script} is the writing
 * the word was romanised from.
 */
public record Unit(String text, String phoneticKey, double weight, long mask, boolean joined, boolean hasDigit,
                   boolean strong, NameScript script) {
}
