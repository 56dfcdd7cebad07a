package io.tenantgate.suite;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gRPC contracts exist once, in proto/, and every service generates its stubs from that jar. */
class ContractsTest {

    private static final Set<String> NOT_SOURCES = Set.of("target", ".git", ".tenantgate", "node_modules");

    @Test
    void everyProtoFileLivesInTheProtoModule() throws IOException {
        Path repo = ItSettings.repo();
        Path contracts = repo.resolve("proto/src/main/proto");
        try (Stream<Path> files = Files.walk(repo)) {
            List<Path> elsewhere = files
                    .filter(file -> file.toString().endsWith(".proto"))
                    .filter(file -> Stream.of(repo.relativize(file).toString().split("/")).noneMatch(NOT_SOURCES::contains))
                    .filter(file -> !file.startsWith(contracts))
                    .toList();
            assertEquals(List.of(), elsewhere, "a .proto outside proto/ would drift from the contract");
        }
        try (Stream<Path> files = Files.walk(contracts)) {
            assertFalse(files.noneMatch(file -> file.toString().endsWith(".proto")), "the contracts are missing");
        }
    }

    @Test
    void everyServiceGeneratesItsStubsFromTheProtoJar() throws IOException {
        for (Service service : Service.values()) {
            Path properties = ItSettings.repo().resolve(service.module()).resolve("src/main/resources/application.properties");
            assertTrue(Files.readAllLines(properties).contains("quarkus.generate-code.grpc.scan-for-proto=io.tenantgate:proto"),
                    service.module() + " must generate stubs from io.tenantgate:proto");
        }
    }
}
