package io.tenantgate.screening.engine.ownership;

/** {@code owner} holds {@code percent} (0-100) of {@code owned}, and may control it whatever the share. */
public record OwnershipLink(String owner, String owned, double percent, boolean control) {
    public OwnershipLink {
        if (owner == null || owned == null || owner.equals(owned)) {
            throw new IllegalArgumentException("an ownership link needs two different parties");
        }
        if (percent < 0 || percent > 100 || Double.isNaN(percent)) {
            throw new IllegalArgumentException("ownership percent must be within 0..100: " + percent);
        }
    }
}
