package io.tenantgate.suite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;

/**
 * Replacing a list takes two people: the operator uploads the file (202, a proposal) and another person, here the
 * supervisor, approves it (201 once imported). The requests the demo and the load generators send for it.
 */
public final class ListReplacement {

    private ListReplacement() {
    }

    /** The operator's upload of a CSV file as the feed's one part {@code file} (CSL, INTERNAL). */
    public static HttpRequest.Builder upload(String screeningUrl, String feed, String operatorToken, String csv) {
        String boundary = "tenantgate-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + feed + ".csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create(screeningUrl + "/api/v1/lists/" + feed))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Another person's approval of the proposal an upload answered with. */
    public static HttpRequest.Builder approval(String screeningUrl, String proposalId, String approverToken) {
        return HttpRequest.newBuilder(URI.create(screeningUrl + "/api/v1/lists/proposals/" + proposalId + "/approve"))
                .header("Authorization", "Bearer " + approverToken)
                .POST(HttpRequest.BodyPublishers.noBody());
    }
}
