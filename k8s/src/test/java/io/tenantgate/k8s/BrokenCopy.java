package io.tenantgate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tenantgate.k8s.render.K8sModule;
import io.tenantgate.k8s.render.Kustomize;
import io.tenantgate.k8s.render.Manifests;

/** A copy of the kustomize tree (base, components and overlays) in a temporary folder, to break on purpose. */
final class BrokenCopy {

    private final Path root;

    BrokenCopy(Path temporaryFolder) {
        this.root = temporaryFolder;
        for (String tree : new String[] {"base", "components", "overlays"}) {
            copyTree(K8sModule.dir().resolve(tree), root.resolve(tree));
        }
    }

    /** Replaces the one occurrence of {@code original} in a file (path relative to k8s/). */
    BrokenCopy replace(String file, String original, String broken) {
        Path target = root.resolve(file);
        try {
            String text = Files.readString(target);
            assertEquals(1, text.split(Pattern.quote(original), -1).length - 1,
                    "expected exactly one '" + original + "' in " + file);
            Files.writeString(target, text.replace(original, broken));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Manifests render(String overlay) {
        return Kustomize.render(root.resolve("overlays").resolve(overlay));
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
