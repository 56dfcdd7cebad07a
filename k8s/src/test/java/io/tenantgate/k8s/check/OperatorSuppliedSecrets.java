package io.tenantgate.k8s.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets k8s/README.md says the operator creates, read from the table under the heading
 * {@value #HEADING}: first column the Secret's name, second its keys, each in backticks.
 */
final class OperatorSuppliedSecrets {

    static final String HEADING = "### Secrets the operator creates";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final Map<String, Set<String>> keysBySecret;

    private OperatorSuppliedSecrets(Map<String, Set<String>> keysBySecret) {
        this.keysBySecret = keysBySecret;
    }

    static OperatorSuppliedSecrets fromReadme(Path readme) {
        Map<String, Set<String>> keysBySecret = new HashMap<>();
        boolean inSection = false;
        for (String line : lines(readme)) {
            if (line.startsWith("#")) {
                inSection = line.trim().equals(HEADING);
            } else if (inSection && line.startsWith("|")) {
                String[] cells = line.split("\\|");
                List<String> names = codeSpans(cells.length > 1 ? cells[1] : "");
                if (names.size() == 1) {
                    keysBySecret.computeIfAbsent(names.get(0), name -> new HashSet<>())
                            .addAll(codeSpans(cells.length > 2 ? cells[2] : ""));
                }
            }
        }
        return new OperatorSuppliedSecrets(keysBySecret);
    }

    boolean documents(String secret, String key) {
        Set<String> keys = keysBySecret.get(secret);
        return keys != null && (key == null || keys.contains(key));
    }

    private static List<String> codeSpans(String text) {
        Matcher matcher = CODE.matcher(text);
        List<String> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(matcher.group(1));
        }
        return spans;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
