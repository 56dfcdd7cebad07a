package io.tenantgate.common.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
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
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                String token = tokens.getTokens(oidcClient).await().atMost(TOKEN_TIMEOUT).getAccessToken();
                headers.put(AUTHORIZATION, "Bearer " + token);
                super.start(listener, headers);
            }
        };
    }
}
