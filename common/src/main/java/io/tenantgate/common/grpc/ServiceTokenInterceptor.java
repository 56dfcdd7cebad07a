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
import io.quarkus.oidc.client.runtime.TokensHelper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Adds this service's own bearer token (OAuth2 client credentials from Keycloak) to every outbound gRPC
 * call, so the callee can check the calling service's role exactly as it checks a REST caller's.
 * Tokens are cached and refreshed before they expire.
 */
@ApplicationScoped
@GlobalInterceptor
public class ServiceTokenInterceptor implements ClientInterceptor {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);

    private final OidcClient oidcClient;
    private final TokensHelper tokens = new TokensHelper();

    public ServiceTokenInterceptor(OidcClient oidcClient) {
        this.oidcClient = oidcClient;
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        String token;
        try {
            token = tokens.getTokens(oidcClient).await().atMost(TOKEN_TIMEOUT).getAccessToken();
        } catch (RuntimeException e) {
            // Never call out unauthenticated: fail this call the way the callee would.
            return new RefusedCall<>(Status.UNAUTHENTICATED.withDescription("no service token: " + e.getMessage()));
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                headers.put(AUTHORIZATION, "Bearer " + token);
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
