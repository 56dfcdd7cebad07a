package io.tenantgate.identity.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.identity.secrets.SealedValues;
import io.tenantgate.sealing.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions of the provider's integration clients, and the events they receive. An event is written as one
 * delivery per subscriber in the transaction of the change it reports, so none is lost and none is sent for a
 * change that rolled back; {@link WebhookDispatcher} sends them.
 */
@ApplicationScoped
public class WebhookService {

    private static final int MAX_SUBSCRIPTIONS_PER_CLIENT = 20;
    /** The column's width. */
    private static final int MAX_URL_LENGTH = 2048;

    private final WebhookRepository webhooks;
    private final FieldCipher cipher;
    private final OutboundAddressPolicy addresses;
    private final WebhookConfig config;
    private final ObjectMapper json;

    public WebhookService(WebhookRepository webhooks, FieldCipher cipher, WebhookConfig config, ObjectMapper json) {
        this.webhooks = webhooks;
        this.cipher = cipher;
        this.config = config;
        this.addresses = new OutboundAddressPolicy(config.allowHttp(), config.allowPrivateAddresses());
        this.json = json;
    }

    /** A new subscription and its secret, which is shown this once. */
    public record Created(WebhookSubscription subscription, String secret) {
    }

    @Transactional
    public Created subscribe(String owner, String url, List<String> eventTypes) {
        URI target = checkedUrl(url);
        Set<String> types = checkedTypes(eventTypes);
        if (webhooks.subscriptionsOf(owner).size() >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
            throw ProblemException.conflict("A client may hold at most " + MAX_SUBSCRIPTIONS_PER_CLIENT + " subscriptions");
        }
        String secret = WebhookSigner.newSecret();
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerClient = owner;
        subscription.url = target.toString();
        subscription.eventTypes = types.toArray(String[]::new);
        subscription.secret = cipher.seal(secret, SealedValues.WEBHOOK_SECRET, subscription.id.toString());
        subscription.createdAt = now();
        webhooks.persist(subscription);
        return new Created(subscription, secret);
    }

    public List<WebhookSubscription> subscriptionsOf(String owner) {
        return webhooks.subscriptionsOf(owner);
    }

    /** The caller's own live subscription; another client's is as absent as a deleted one. */
    public WebhookSubscription owned(UUID id, String owner) {
        WebhookSubscription subscription = webhooks.subscription(id);
        if (subscription == null || subscription.deletedAt != null || !subscription.ownerClient.equals(owner)) {
            throw ProblemException.notFound("Webhook subscription " + id);
        }
        return subscription;
    }

    @Transactional
    public void unsubscribe(UUID id, String owner) {
        owned(id, owner).deletedAt = now();
    }

    /** A new secret signs from now on; the old one signs too until the overlap ends. */
    @Transactional
    public Created rotateSecret(UUID id, String owner) {
        owned(id, owner);
        WebhookSubscription subscription = webhooks.lockSubscription(id);
        String secret = WebhookSigner.newSecret();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = now().plus(config.secretOverlap());
        subscription.secret = cipher.seal(secret, SealedValues.WEBHOOK_SECRET, subscription.id.toString());
        return new Created(subscription, secret);
    }

    /** The secrets that sign a delivery now, newest first. */
    List<String> signingSecrets(WebhookSubscription subscription) {
        List<String> secrets = new ArrayList<>();
        secrets.add(cipher.open(subscription.secret, SealedValues.WEBHOOK_SECRET, subscription.id.toString()));
        if (subscription.previousSecret != null && subscription.previousSecretUntil != null
                && subscription.previousSecretUntil.isAfter(now())) {
            secrets.add(cipher.open(subscription.previousSecret, SealedValues.WEBHOOK_SECRET, subscription.id.toString()));
        }
        return secrets;
    }

    /** Why this subscription's URL may not be called now, or null. */
    String refusal(WebhookSubscription subscription) {
        return addresses.refusal(URI.create(subscription.url)).orElse(null);
    }

    /**
     * Queues the events for every subscriber (in the caller's transaction). The body carries the case, the
     * provider's account ids, the decision and its reasons: what the onboarding role reads on the case itself.
     */
    public void publish(UUID caseId, String client, List<String> accountIds, String decision, List<String> reasons,
                        List<WebhookEvent> events) {
        OffsetDateTime now = now();
        for (WebhookEvent event : events) {
            List<UUID> subscribers = webhooks.subscribersTo(event.wireName(), client);
            if (subscribers.isEmpty()) {
                continue;
            }
            UUID eventId = UUID.randomUUID();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("caseId", caseId);
            data.put("accountIds", accountIds);
            data.put("decision", decision);
            data.put("reasons", reasons);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", event.wireName());
            body.put("timestamp", now.toString());
            body.put("data", data);
            String payload = write(body);
            for (UUID subscriber : subscribers) {
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.subscriptionId = subscriber;
                delivery.eventId = eventId;
                delivery.customerId = caseId;
                delivery.type = event.wireName();
                delivery.payload = payload;
                delivery.createdAt = now;
                delivery.nextAttemptAt = now;
                delivery.retryUntil = now.plus(config.retryFor());
                webhooks.persist(delivery);
            }
        }
    }

    public List<WebhookDelivery> deliveries(UUID subscriptionId, String owner, String status, int size) {
        owned(subscriptionId, owner);
        return webhooks.deliveries(subscriptionId, status, size);
    }

    public List<WebhookAttempt> attempts(UUID subscriptionId, long deliveryId, String owner) {
        return webhooks.attempts(ownedDelivery(subscriptionId, deliveryId, owner).id);
    }

    /** Sends one delivered or dead-lettered event again, under its own webhook-id. */
    @Transactional
    public WebhookDelivery replay(UUID subscriptionId, long deliveryId, String owner) {
        WebhookDelivery delivery = ownedDelivery(subscriptionId, deliveryId, owner);
        if (delivery.deliveredAt == null && delivery.deadAt == null) {
            throw ProblemException.conflict("Delivery " + deliveryId + " is still being sent");
        }
        delivery.deliveredAt = null;
        delivery.deadAt = null;
        delivery.nextAttemptAt = now();
        delivery.retryUntil = now().plus(config.retryFor()); // a replay gets its own time to get through
        return delivery;
    }

    /** Sends every delivered or dead-lettered event of a time range again; returns how many. */
    @Transactional
    public int replay(UUID subscriptionId, String owner, OffsetDateTime from, OffsetDateTime to) {
        owned(subscriptionId, owner);
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        return webhooks.replay(subscriptionId, from, to, config.retryFor());
    }

    private WebhookDelivery ownedDelivery(UUID subscriptionId, long deliveryId, String owner) {
        owned(subscriptionId, owner);
        WebhookDelivery delivery = webhooks.delivery(deliveryId);
        if (delivery == null || !delivery.subscriptionId.equals(subscriptionId)) {
            throw ProblemException.notFound("Delivery " + deliveryId + " of webhook subscription " + subscriptionId);
        }
        return delivery;
    }

    private URI checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalidField("url", "must not be blank");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw ProblemException.invalidField("url", "at most " + MAX_URL_LENGTH + " characters");
        }
        URI target;
        try {
            target = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("url", "is not a URL: " + e.getReason());
        }
        addresses.refusal(target).ifPresent(reason -> {
            throw ProblemException.invalidField("url", reason);
        });
        return target;
    }

    private static Set<String> checkedTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw ProblemException.invalidField("eventTypes", "name at least one event type");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : eventTypes) {
            types.add(WebhookEvent.of(type).orElseThrow(() -> ProblemException.invalidField("eventTypes",
                    "unknown event type '" + type + "'; known: " + java.util.Arrays.stream(WebhookEvent.values())
                            .map(WebhookEvent::wireName).toList())).wireName());
        }
        return types;
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook body cannot be written", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
