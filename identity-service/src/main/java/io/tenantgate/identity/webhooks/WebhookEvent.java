package io.tenantgate.identity.webhooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The events a subscription can ask for, by their wire names. */
public enum WebhookEvent {
    /** A case was decided (any decision, first or again). */
    CASE_DECIDED("case.decided"),
    /** A case went to an analyst. */
    CASE_REVIEW_OPENED("case.review_opened"),
    /** An analyst (and, for a high-risk case, a supervisor) ended the review. */
    CASE_REVIEW_CLOSED("case.review_closed"),
    /** A list change made an approved customer a potential match. */
    CASE_REOPENED("case.reopened"),
    /** The provider should pause the customer's compute until the review ends. */
    ACCOUNT_HOLD_RECOMMENDED("account.hold_recommended"),
    /** The customer's account was closed. */
    ACCOUNT_CLOSED("account.closed");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> of(String wireName) {
        String wanted = wireName == null ? "" : wireName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(event -> event.wireName.equals(wanted)).findFirst();
    }
}
