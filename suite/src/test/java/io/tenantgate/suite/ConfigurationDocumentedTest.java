package io.tenantgate.suite;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every setting of the services' {@code @ConfigMapping} interfaces is documented in a README: README.md, the
 * service's own README or k8s/README.md name it, in full ({@code tenantgate.reports.filing.url}) or, in a row that
 * names its prefix, by the rest ({@code .active-key-id}). A setting added without a line of documentation fails here.
 */
class ConfigurationDocumentedTest {

    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\(prefix = \"([\\w.-]+)\"\\)");
    /** A mapping method: its declared type and name, and how deep it is indented (4: the mapping, 8: a group). */
    private static final Pattern METHOD = Pattern.compile("^( +)(?:[\\w.]+(?:<.*>)?) (\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern GROUP = Pattern.compile("^ +(\\w+) (\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern NESTED = Pattern.compile("^ {4}interface (\\w+) \\{", Pattern.MULTILINE);

    @Test
    void everyMappedSettingIsInAReadme() throws IOException {
        Path repo = ItSettings.repo();
        String sharedDocs = read(repo.resolve("README.md")) + read(repo.resolve("k8s/README.md"));
        List<String> undocumented = new ArrayList<>();
        int settings = 0;
        for (Service service : Service.values()) {
            Path module = repo.resolve(service.module());
            String docs = sharedDocs + read(module.resolve("README.md"));
            try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String setting : settings(read(file))) {
                        settings++;
                        if (!documented(setting, docs)) {
                            undocumented.add(service.module() + ": " + setting);
                        }
                    }
                }
            }
        }
        assertTrue(settings > 40, "the mappings were read: " + settings + " settings");
        assertEquals(List.of(), undocumented, "settings no README documents");
    }

    /** The settings one source file maps, as full property names. */
    static List<String> settings(String source) {
        Matcher prefix = PREFIX.matcher(source);
        if (!prefix.find()) {
            return List.of();
        }
        Map<String, String> groupPrefixes = new HashMap<>();
        Matcher nested = NESTED.matcher(source);
        java.util.Set<String> nestedTypes = new TreeSet<>();
        while (nested.find()) {
            nestedTypes.add(nested.group(1));
        }
        Matcher group = GROUP.matcher(source);
        while (group.find()) {
            if (nestedTypes.contains(group.group(1))) {
                groupPrefixes.put(group.group(1), prefix.group(1) + "." + kebab(group.group(2)));
            }
        }
        List<String> settings = new ArrayList<>();
        String currentGroup = null;
        for (String line : source.split("\n")) {
            Matcher opens = NESTED.matcher(line);
            if (opens.find()) {
                currentGroup = opens.group(1);
                continue;
            }
            Matcher method = METHOD.matcher(line);
            if (!method.find()) {
                continue;
            }
            String type = line.strip().split(" ")[0];
            if (nestedTypes.contains(type)) {
                continue; // a group: its own methods are the settings
            }
            boolean inGroup = method.group(1).length() > 4 && currentGroup != null;
            settings.add((inGroup ? groupPrefixes.get(currentGroup) : prefix.group(1)) + "." + kebab(method.group(2)));
        }
        return settings;
    }

    private static boolean documented(String setting, String docs) {
        if (docs.contains(setting)) {
            return true;
        }
        // "`tenantgate.identity.encryption.keys`, `.active-key-id`": the rest after a prefix named in the docs; a map
        // by its keys ("`.feeds.<feed>.<part>`")
        for (int dot = setting.indexOf('.'); dot > 0; dot = setting.indexOf('.', dot + 1)) {
            String rest = "`" + setting.substring(dot);
            if ((docs.contains(rest + "`") || docs.contains(rest + ".<")) && docs.contains(setting.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
