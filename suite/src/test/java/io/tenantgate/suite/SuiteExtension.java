package io.tenantgate.suite;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the assembled suite once per test run, with two replicas of each service, through the same code as
 * {@code ./tenantgate up}, and stops it when the run ends. Test classes receive it as a parameter; their calls
 * through {@code settings().serviceUrl(...)} alternate between the replicas.
 */
public class SuiteExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        suite(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TenantgateSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return suite(context);
    }

    private static TenantgateSuite suite(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningSuite.class, key -> RunningSuite.start(), RunningSuite.class)
                .suite();
    }

    private record RunningSuite(TenantgateSuite suite) implements ExtensionContext.Store.CloseableResource {
        static RunningSuite start() {
            ItSettings.clearState("suite-home");
            List<String> options = new ArrayList<>(ItSettings.options("suite-home", 20000));
            options.addAll(List.of("--replicas", "2")); // as in production: every flow crosses both replicas
            // long enough for a receiver down a minute to get everything, short enough to see a delivery dead-lettered
            options.addAll(List.of("--webhook-retry-for", String.valueOf(WebhooksIT.RETRY_FOR.toSeconds())));
            SuiteSettings settings = SuiteSettings.parse(ItSettings.repo(), options);
            TenantgateSuite suite = TenantgateSuite.open(settings).start();
            System.out.println("End-to-end suite ready in " + suite.startupTime().toSeconds() + " s: " + suite.pids());
            return new RunningSuite(suite);
        }

        @Override
        public void close() {
            suite.close();
        }
    }
}
