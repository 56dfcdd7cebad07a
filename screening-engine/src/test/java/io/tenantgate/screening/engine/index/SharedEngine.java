package io.tenantgate.screening.engine.index;

import io.tenantgate.screening.engine.parse.BundledLists;

/** One engine over the bundled lists for all tests of a run: building it takes seconds. */
public final class SharedEngine {

    private static ScreeningEngine engine;

    private SharedEngine() {
    }

    public static synchronized ScreeningEngine get() {
        if (engine == null) {
            engine = ScreeningEngine.build(BundledLists.load(), EngineSettings.defaults());
        }
        return engine;
    }
}
