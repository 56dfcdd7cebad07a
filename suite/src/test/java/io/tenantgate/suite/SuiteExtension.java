package io.tenantgate.suite;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the assembled suite once per test run, through the same code as {@code ./tenantgate up}, and
 * stops it when the run ends. Test classes receive it as a parameter.
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
            SuiteSettings settings = SuiteSettings.parse(ItSettings.repo(), ItSettings.options("suite-home", 20000));
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
