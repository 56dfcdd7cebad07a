package io.tenantgate.screening.engine.ownership;

import java.util.List;

/** The declared owners form a cycle; ownership through a cycle has no defined share. */
public class OwnershipCycleException extends IllegalArgumentException {

    private final List<String> cycle;

    public OwnershipCycleException(List<String> cycle) {
        super("ownership cycle: " + String.join(" -> ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    public List<String> cycle() {
        return cycle;
    }
}
