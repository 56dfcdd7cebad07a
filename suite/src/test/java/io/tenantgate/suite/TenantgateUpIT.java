package io.tenantgate.suite;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real {@code ./tenantgate up} as a person runs it: it comes up, refuses a second start on the same
 * home, and Ctrl-C (SIGINT) leaves no Java or PostgreSQL process behind.
 */
@Order(1)
class TenantgateUpIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(6);

    @Test
    void upStartsTheSuiteAndCtrlCLeavesNoProcessBehind() throws Exception {
        Path home = ItSettings.itDir().resolve("up-home");
        Path output = ItSettings.itDir().resolve("up-output.log");
        Files.createDirectories(output.getParent());
        ItSettings.clearState("up-home");
        List<String> options = ItSettings.options("up-home", 30000);
        Process up = tenantgate("up", options).redirectOutput(output.toFile()).start();
        try {
            awaitLine(up, output, "TenantGate is up");
            Map<String, Long> pids = SuiteState.read(home);
            assertEquals(List.of("launcher", "postgres", "keycloak", "screening-service", "identity-service",
                    "reporting-service"), List.copyOf(pids.keySet()));
            assertEquals(up.pid(), pids.get("launcher"), "the script execs the launcher, so Ctrl-C reaches it");
            pids.forEach((name, pid) -> assertTrue(alive(pid), name + " should run"));

            Process second = tenantgate("up", options).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            String secondOutput = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(3, second.exitValue(), secondOutput);
            assertTrue(secondOutput.contains("already running"), secondOutput);

            new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).start().waitFor();
            assertTrue(up.waitFor(120, TimeUnit.SECONDS), "up did not stop after SIGINT");

            pids.forEach((name, pid) -> assertFalse(alive(pid), name + " (pid " + pid + ") outlived Ctrl-C"));
            assertEquals(List.of(), processesMentioning(home, ItSettings.cache()),
                    "processes of the stopped suite are still running");
            assertFalse(Files.exists(home.resolve("suite.pid")), "the lock is released");
        } finally {
            // SIGTERM runs the same shutdown hook as Ctrl-C; force only if that hangs.
            up.destroy();
            if (!up.waitFor(120, TimeUnit.SECONDS)) {
                up.destroyForcibly();
            }
        }
    }

    private static ProcessBuilder tenantgate(String command, List<String> options) {
        List<String> line = new ArrayList<>(List.of(ItSettings.repo().resolve("tenantgate").toString(), command));
        line.addAll(options);
        return new ProcessBuilder(line).redirectErrorStream(true);
    }

    private static void awaitLine(Process up, Path output, String expected) throws IOException {
        try {
            org.awaitility.Awaitility.await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (!text.contains(expected) && !up.isAlive()) {
                    fail("up exited with " + up.exitValue() + ":\n" + text);
                }
                return text.contains(expected);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            fail("up was not ready within " + START_LIMIT + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<String> processesMentioning(Path... folders) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> java.util.Arrays.stream(folders).anyMatch(f -> line.contains(f.toString())))
                .toList();
    }
}
