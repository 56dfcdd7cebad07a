package io.tenantgate.identity.webhooks;

import io.quarkus.security.identity.SecurityIdentity;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.identity.rest.CallingClient;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook subscriptions of the provider's integration clients (role onboarding). The client id of the token
 * (its {@code azp} claim) owns a subscription: a client sees, changes and replays only its own.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("onboarding")
public class WebhookResource {

    private static final Set<String> STATUSES = Set.of("all", "pending", "delivered", "dead");

    private final WebhookService webhooks;
    private final SecurityIdentity caller;

    public WebhookResource(WebhookService webhooks, SecurityIdentity caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    public record SubscriptionRequest(String url, List<String> eventTypes) {
    }

    /** A subscription; {@code secret} only in the answer that created or rotated it. */
    public record SubscriptionView(UUID id, String url, List<String> eventTypes, OffsetDateTime createdAt,
                                   String secret, OffsetDateTime previousSecretValidUntil) {

        static SubscriptionView of(WebhookSubscription s, String secret) {
            return new SubscriptionView(s.id, s.url, Arrays.asList(s.eventTypes), s.createdAt, secret,
                    s.previousSecretUntil);
        }
    }

    public record DeliveryView(long id, String webhookId, String type, UUID customerId, OffsetDateTime createdAt,
                               String status, int attempts, Integer lastStatus, String lastError, Long lastLatencyMs,
                               OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, OffsetDateTime deadAt) {

        static DeliveryView of(WebhookDelivery d) {
            String status = d.deliveredAt != null ? "delivered" : d.deadAt != null ? "dead" : "pending";
            return new DeliveryView(d.id, "msg_" + d.eventId, d.type, d.customerId, d.createdAt, status, d.attempts,
                    d.lastStatus, d.lastError, d.lastLatencyMs, status.equals("pending") ? d.nextAttemptAt : null,
                    d.deliveredAt, d.deadAt);
        }
    }

    public record AttemptView(OffsetDateTime at, Integer status, long latencyMs, String error) {
    }

    public record ReplayView(int replayed) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(SubscriptionRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("body", "a JSON object with url and eventTypes");
        }
        WebhookService.Created created = webhooks.subscribe(owner(), request.url(), request.eventTypes());
        return Response.status(Response.Status.CREATED)
                .entity(SubscriptionView.of(created.subscription(), created.secret())).build();
    }

    @GET
    public List<SubscriptionView> list() {
        return webhooks.subscriptionsOf(owner()).stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    @GET
    @Path("/{id}")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(webhooks.owned(id, owner()), null);
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") UUID id) {
        webhooks.unsubscribe(id, owner());
    }

    /** A new secret; the previous one keeps signing (a second signature) until {@code previousSecretValidUntil}. */
    @POST
    @Path("/{id}/secret")
    public SubscriptionView rotateSecret(@PathParam("id") UUID id) {
        WebhookService.Created rotated = webhooks.rotateSecret(id, owner());
        return SubscriptionView.of(rotated.subscription(), rotated.secret());
    }

    /** The delivery log, newest first: status, attempts, the receiver's last answer and latency. */
    @GET
    @Path("/{id}/deliveries")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id,
                                         @QueryParam("status") @DefaultValue("all") String status,
                                         @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        if (!STATUSES.contains(status)) {
            throw ProblemException.invalidField("status", "one of " + STATUSES);
        }
        return webhooks.deliveries(id, owner(), status, size).stream().map(DeliveryView::of).toList();
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}/attempts")
    public List<AttemptView> attempts(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return webhooks.attempts(id, deliveryId, owner()).stream()
                .map(a -> new AttemptView(a.attemptedAt, a.status, a.latencyMs, a.error)).toList();
    }

    /** Sends a delivered or dead-lettered event again, with its webhook-id. */
    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    public DeliveryView replay(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return DeliveryView.of(webhooks.replay(id, deliveryId, owner()));
    }

    /** Sends every delivered or dead-lettered event created in [from, to) again. */
    @POST
    @Path("/{id}/replay")
    public ReplayView replayRange(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return new ReplayView(webhooks.replay(id, owner(), instant("from", from), instant("to", to)));
    }

    private static OffsetDateTime instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField(field, "required, an ISO-8601 instant such as 2026-12-07T10:00:00Z");
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "not an ISO-8601 instant such as 2026-12-07T10:00:00Z");
        }
    }

    /** The integration client: the token's authorised party, or the principal when the token names none. */
    private String owner() {
        return CallingClient.of(caller);
    }
}
