package io.tenantgate.screening.lists;

import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.screening.config.ScreeningConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches the current list files from the configured URLs on a schedule (off by default) and imports them
 * like an upload: a file that did not change makes no new version, and a download or file that fails leaves
 * the active version in place. Every replica may fetch; imports are idempotent and serialised.
 */
@ApplicationScoped
@Startup
public class ListDownloads {

    private static final Logger LOG = Logger.getLogger(ListDownloads.class);

    private final ListImportService imports;
    private final ScreeningConfig.Downloads config;
    private final HttpClient http;

    public ListDownloads(ListImportService imports, ScreeningConfig config) {
        this.imports = imports;
        this.config = config.downloads();
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(this.config.timeout()).build();
        // A misspelt feed is a configuration error: refuse to start rather than skip it on every round.
        this.config.feeds().keySet().forEach(ListDownloads::feed);
    }

    /** What one feed's download came to: the import, or why there was none. */
    public record Outcome(ListFeed feed, Optional<ListImportService.ImportResult> imported, Optional<String> failure) {
    }

    @Scheduled(every = "${tenantgate.screening.downloads.interval:6h}", delay = 1,
            delayUnit = java.util.concurrent.TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            downloadAll();
        }
    }

    /** Downloads and imports every configured feed, one after the other. */
    public List<Outcome> downloadAll() {
        return config.feeds().entrySet().stream().map(feed -> download(feed.getKey(), feed.getValue())).toList();
    }

    private Outcome download(String feedName, Map<String, String> urls) {
        ListFeed feed = feed(feedName);
        try {
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (Map.Entry<String, String> part : urls.entrySet()) {
                parts.put(part.getKey().toLowerCase(Locale.ROOT), fetch(URI.create(part.getValue())));
            }
            ListImportService.ImportResult result = imports.importList(new ListUpload(feed, parts,
                    "download:" + String.join(" ", urls.values())));
            LOG.infof("Downloaded %s list: %s", feed, result.created() ? "new version " + result.version().id
                    : "unchanged (checksum seen before)");
            return new Outcome(feed, Optional.of(result), Optional.empty());
        } catch (ProblemException rejected) {
            return failed(feed, rejected.problem().detail());
        } catch (IOException | RuntimeException e) {
            return failed(feed, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(feed, "interrupted");
        }
    }

    private static ListFeed feed(String name) {
        return ListFeed.of(name).orElseThrow(() -> new IllegalStateException(
                "tenantgate.screening.downloads.feeds." + name + ": no such feed (csl, sdn, internal)"));
    }

    private byte[] fetch(URI url) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(config.timeout()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBytes() + 1));
            if (bytes.length > config.maxBytes()) {
                throw new IOException(url + " is larger than " + config.maxBytes() + " bytes");
            }
            return bytes;
        }
    }

    private static Outcome failed(ListFeed feed, String why) {
        LOG.errorf("Download of the %s list failed; the active version stays: %s", feed, why);
        return new Outcome(feed, Optional.empty(), Optional.of(why));
    }
}
