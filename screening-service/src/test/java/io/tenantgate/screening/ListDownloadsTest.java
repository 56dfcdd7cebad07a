package io.tenantgate.screening;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.screening.lists.ListDownloads;
import io.tenantgate.screening.lists.ListFeed;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scheduled downloads, against a real HTTP server: a new file is imported, an unchanged or bad one is not. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ListDownloadsTest {

    private static final String HEADER = "key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n";

    @Inject
    ListDownloads downloads;

    private HttpServer server;
    private volatile int status = 200;
    private volatile String file = "";

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 18191), 0);
        server.createContext("/internal.csv", exchange -> {
            byte[] body = file.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aNewFileBecomesAVersionAndTheSameFileDoesNot() {
        file = HEADER + "dl-" + UUID.randomUUID() + ",Downloaded Trading FZE,,entity,AE,,,,\n";
        ListDownloads.Outcome first = only(downloads.downloadAll());
        assertEquals(ListFeed.INTERNAL, first.feed());
        assertTrue(first.imported().orElseThrow().created(), first.toString());
        assertTrue(first.imported().get().version().origin.startsWith("download:http://localhost:18191/"));

        ListDownloads.Outcome again = only(downloads.downloadAll());
        assertFalse(again.imported().orElseThrow().created(), "an unchanged file makes no new version");
    }

    @Test
    void aFailedDownloadOrBadFileLeavesTheActiveVersion() {
        file = HEADER + "dl-" + UUID.randomUUID() + ",Kept Trading FZE,,entity,AE,,,,\n";
        Long active = only(downloads.downloadAll()).imported().orElseThrow().version().id;

        status = 503;
        ListDownloads.Outcome unavailable = only(downloads.downloadAll());
        assertTrue(unavailable.failure().orElseThrow().contains("HTTP 503"), unavailable.toString());

        status = 200;
        file = HEADER + "k1,,,entity,AE,,,,\n";
        ListDownloads.Outcome bad = only(downloads.downloadAll());
        assertTrue(bad.failure().orElseThrow().contains("line 2"), bad.toString());

        file = HEADER + "dl-" + UUID.randomUUID() + ",Next Trading FZE,,entity,AE,,,,\n";
        assertTrue(only(downloads.downloadAll()).imported().orElseThrow().version().id > active);
    }

    private static ListDownloads.Outcome only(List<ListDownloads.Outcome> outcomes) {
        assertEquals(1, outcomes.size(), outcomes.toString());
        return outcomes.get(0);
    }
}
