package io.tenantgate.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The process ids of a running suite, in {@code <home>/suite.state} ({@code name=pid} lines), so people
 * and tests can see what runs, and a later start can clean up after a run that was killed outright.
 */
public final class SuiteState {

    private SuiteState() {
    }

    static Path file(Path home) {
        return home.resolve("suite.state");
    }

    static void write(Path home, Map<String, Long> pids) {
        String text = pids.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(file(home), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file(home), e);
        }
    }

    /** The recorded process ids by name; empty when no state was recorded. */
    public static Map<String, Long> read(Path home) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.exists(file(home))) {
            return pids;
        }
        try {
            for (String line : Files.readAllLines(file(home), StandardCharsets.UTF_8)) {
                String[] parts = line.split("=", 2);
                if (parts.length == 2 && parts[1].matches("\\d+")) {
                    pids.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file(home), e);
        }
        return pids;
    }

    /**
     * Stops processes left by a run whose launcher died without cleaning up. A recorded pid counts only
     * if its command line still names this suite's folders: pids are reused by unrelated processes.
     */
    static void stopLeftovers(SuiteSettings settings) {
        read(settings.home()).forEach((name, pid) -> ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().map(line -> line.contains(settings.home().toString())
                        || line.contains(settings.cache().toString())).orElse(false))
                .ifPresent(leftover -> {
                    System.out.println("Stopping " + name + " (pid " + pid + ") left by an earlier run");
                    leftover.destroy();
                    leftover.onExit().completeOnTimeout(leftover, 20, TimeUnit.SECONDS).join();
                    leftover.destroyForcibly();
                }));
        try {
            Files.deleteIfExists(file(settings.home()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
