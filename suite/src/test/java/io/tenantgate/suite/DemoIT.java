package io.tenantgate.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./tenantgate demo} against the assembled suite: every flow ends as it should, and says so. */
@ExtendWith(SuiteExtension.class)
class DemoIT {

    @Test
    void everyDemoFlowEndsAsExpected(TenantgateSuite suite) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Demo.Outcome> outcomes = new Demo(suite.settings(), TenantgateSuite.demoSecrets(suite.settings().home()),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(), outcomes.stream().filter(o -> !o.asExpected()).toList(), output);
        assertEquals(6, outcomes.size());
        assertTrue(output.contains("All 6 flows ended as expected."), output);
        assertTrue(output.contains("the same analyst signing off was refused"), output);
        assertTrue(output.contains("the provider's systems were told account.hold_recommended (signature verified)"), output);
    }
}
