package io.tenantgate.common.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds this service's own bearer token (OAuth2 client credentials from Keycloak) to every outbound gRPC
 * call, so the callee can check the calling service's role exactly as it checks a REST caller's.
 * Each peer gets a token of its own, whose audience names that peer only (the realm's optional client
 * scope {@code audience-<peer>}): a peer that received one cannot replay it at another service, which
 * accepts only tokens for itself ({@code quarkus.oidc.token.audience}). A received token is never
 * forwarded. Each token is renewed early and outlives a short Keycloak outage ({@link ServiceToken}).
 */
@ApplicationScoped
@GlobalInterceptor
public class ServiceTokenInterceptor implements ClientInterceptor {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);
    /** Assumed when Keycloak does not say how long a token lives, so it is renewed soon. */
    private static final Duration UNSTATED_LIFE = Duration.ofMinutes(1);

    private static final Pattern TENANTGATE_SERVICE = Pattern.compile("tenantgate\\.([a-z]+)\\.v\\d+\\.[A-Za-z]+");

    private final OidcClient oidcClient;
    private final Map<String, ServiceToken> tokenByAudience = new ConcurrentHashMap<>();

    public ServiceTokenInterceptor(OidcClient oidcClient) {
        this.oidcClient = oidcClient;
    }

    /** The service a gRPC service belongs to: {@code tenantgate.screening.v1.ScreeningService} is screening-service's. */
    static Optional<String> audienceOf(String grpcServiceName) {
        Matcher name = TENANTGATE_SERVICE.matcher(grpcServiceName);
        return name.matches() ? Optional.of(name.group(1) + "-service") : Optional.empty();
    }

    /** The optional client scope whose audience mapper names the service. */
    static String scopeFor(String audience) {
        return "audience-" + audience;
    }

    private ServiceToken tokenFor(String audience) {
        return new ServiceToken(() -> oidcClient.getTokens(Map.of("scope", scopeFor(audience)))
                .map(ServiceTokenInterceptor::issued).subscribeAsCompletionStage(), Clock.systemUTC());
    }

    private static ServiceToken.Issued issued(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        return new ServiceToken.Issued(tokens.getAccessToken(),
                expiresAt == null ? Instant.now().plus(UNSTATED_LIFE) : Instant.ofEpochSecond(expiresAt));
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        Optional<String> audience = audienceOf(method.getServiceName());
        if (audience.isEmpty()) {
            // No token for a service outside TenantGate: it could be replayed wherever it is accepted.
            return new RefusedCall<>(Status.PERMISSION_DENIED.withDescription(
                    "no service token for " + method.getServiceName()));
        }
        String bearer;
        try {
            bearer = tokenByAudience.computeIfAbsent(audience.get(), this::tokenFor).value(TOKEN_TIMEOUT);
        } catch (IllegalStateException e) {
            // Never call out unauthenticated. Keycloak being away is transient: callers retry UNAVAILABLE.
            return new RefusedCall<>(Status.UNAVAILABLE.withDescription(e.getMessage()));
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                headers.put(AUTHORIZATION, "Bearer " + bearer);
                super.start(listener, headers);
            }
        };
    }

    /** A call that never reaches the network and closes at once with the given status. */
    private static final class RefusedCall<Q, A> extends ClientCall<Q, A> {
        private final Status status;

        RefusedCall(Status status) {
            this.status = status;
        }

        @Override
        public void start(Listener<A> listener, Metadata headers) {
            listener.onClose(status, new Metadata());
        }

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void cancel(String message, Throwable cause) {
        }

        @Override
        public void halfClose() {
        }

        @Override
        public void sendMessage(Q message) {
        }
    }
}
