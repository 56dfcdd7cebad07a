package io.tenantgate.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Stores compliance events idempotently: a batch is applied whole, and redelivered events change nothing. */
@ApplicationScoped
public class EventIntakeService {

    private final ComplianceEventRepository events;

    public EventIntakeService(ComplianceEventRepository events) {
        this.events = events;
    }

    @Transactional
    public IntakeResult record(List<ComplianceEvent> batch) {
        List<UUID> recorded = new ArrayList<>();
        List<UUID> duplicates = new ArrayList<>();
        for (ComplianceEvent event : batch) {
            (events.insertIfAbsent(event) ? recorded : duplicates).add(event.eventId);
        }
        return new IntakeResult(recorded, duplicates);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EventPage page(String customerId, int pageIndex, int pageSize) {
        return new EventPage(events.page(customerId, pageIndex, pageSize), events.count(customerId), pageIndex, pageSize);
    }

    public record IntakeResult(List<UUID> recorded, List<UUID> duplicates) {
    }

    public record EventPage(List<ComplianceEvent> items, long total, int page, int size) {
    }
}
