package io.tenantgate.reporting.events;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ComplianceEventRepository implements PanacheRepositoryBase<ComplianceEvent, UUID> {

    /** Inserts unless the event id is already stored; true when this call stored it. */
    public boolean insertIfAbsent(ComplianceEvent e) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into compliance_event (event_id, customer_id, sequence, type, occurred_at, outcome,
                                                      reasons, customer_country, foreign_person, actor)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        on conflict (event_id) do nothing""")
                .setParameter(1, e.eventId).setParameter(2, e.customerId).setParameter(3, e.sequence)
                .setParameter(4, e.type).setParameter(5, e.occurredAt).setParameter(6, e.outcome)
                .setParameter(7, e.reasons).setParameter(8, e.customerCountry).setParameter(9, e.foreignPerson)
                .setParameter(10, e.actor)
                .executeUpdate();
        return inserted == 1;
    }

    public List<ComplianceEvent> page(String customerId, int pageIndex, int pageSize) {
        Sort order = Sort.by("recordedAt").descending().and("customerId").and("sequence");
        var query = customerId == null ? findAll(order) : find("customerId", order, customerId);
        return query.page(Page.of(pageIndex, pageSize)).list();
    }

    public long count(String customerId) {
        return customerId == null ? count() : count("customerId", customerId);
    }
}
