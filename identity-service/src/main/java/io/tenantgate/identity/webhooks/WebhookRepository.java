package io.tenantgate.identity.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** All of the webhooks' SQL. */
@ApplicationScoped
public class WebhookRepository {

    private final EntityManager entities;

    public WebhookRepository(EntityManager entities) {
        this.entities = entities;
    }

    public void persist(Object entity) {
        entities.persist(entity);
    }

    public WebhookSubscription subscription(UUID id) {
        return entities.find(WebhookSubscription.class, id);
    }

    public WebhookSubscription lockSubscription(UUID id) {
        return entities.find(WebhookSubscription.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<WebhookSubscription> subscriptionsOf(String ownerClient) {
        return entities.createQuery("from WebhookSubscription where ownerClient = :owner and deletedAt is null "
                        + "order by createdAt", WebhookSubscription.class)
                .setParameter("owner", ownerClient).getResultList();
    }

    /** Live subscriptions to one event type. */
    @SuppressWarnings("unchecked")
    /** The subscriptions to the event type of the client that opened the case (of every client when not known). */
    public List<UUID> subscribersTo(String type, String client) {
        return entities.createNativeQuery("select id from webhook_subscription where deleted_at is null "
                        + "and :type = any(event_types) and (cast(:client as text) is null or owner_client = :client) "
                        + "order by created_at", UUID.class)
                .setParameter("type", type).setParameter("client", client).getResultList();
    }

    /**
     * Takes up to {@code limit} due deliveries for this replica, each the oldest undelivered one of its customer
     * for its subscription (so a customer's events arrive in order), and leases them: another replica skips
     * them until the lease ends, and takes them over if this one died sending.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claimDue(int limit, Duration lease) {
        return entities.createNativeQuery("""
                        update webhook_delivery set next_attempt_at = now() + make_interval(secs => :lease)
                        where id in (
                            select d.id from webhook_delivery d
                            where d.delivered_at is null and d.dead_at is null and d.next_attempt_at <= now()
                              and not exists (select 1 from webhook_delivery e
                                  where e.subscription_id = d.subscription_id and e.customer_id = d.customer_id
                                    and e.delivered_at is null and e.dead_at is null and e.id < d.id)
                            order by d.id limit :limit
                            for update skip locked)
                        returning id""", Long.class)
                .setParameter("lease", (double) lease.toSeconds())
                .setParameter("limit", limit)
                .getResultList();
    }

    public WebhookDelivery delivery(long id) {
        return entities.find(WebhookDelivery.class, id);
    }

    public List<WebhookDelivery> deliveries(UUID subscriptionId, String status, int size) {
        String filter = switch (status) {
            case "delivered" -> " and deliveredAt is not null";
            case "dead" -> " and deadAt is not null";
            case "pending" -> " and deliveredAt is null and deadAt is null";
            default -> "";
        };
        return entities.createQuery("from WebhookDelivery where subscriptionId = :subscription" + filter
                        + " order by id desc", WebhookDelivery.class)
                .setParameter("subscription", subscriptionId).setMaxResults(size).getResultList();
    }

    public List<WebhookAttempt> attempts(long deliveryId) {
        return entities.createQuery("from WebhookAttempt where deliveryId = :delivery order by id", WebhookAttempt.class)
                .setParameter("delivery", deliveryId).getResultList();
    }

    /** Puts delivered or dead deliveries of a time range back in line; returns how many. */
    public int replay(UUID subscriptionId, OffsetDateTime from, OffsetDateTime to, Duration retryFor) {
        return entities.createNativeQuery("""
                        update webhook_delivery set delivered_at = null, dead_at = null, next_attempt_at = now(),
                            retry_until = now() + make_interval(secs => :retry)
                        where subscription_id = :subscription and created_at >= :from and created_at < :to
                          and (delivered_at is not null or dead_at is not null)""")
                .setParameter("subscription", subscriptionId).setParameter("from", from).setParameter("to", to)
                .setParameter("retry", (double) retryFor.toSeconds()).executeUpdate();
    }
}
