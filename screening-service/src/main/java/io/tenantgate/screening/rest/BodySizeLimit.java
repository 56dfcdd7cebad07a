package io.tenantgate.screening.rest;

import io.tenantgate.common.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP limit (64 MiB) is set for list files; every other endpoint takes a few KiB, so its body is refused
 * above 1 MiB before it is read, and a body of unstated length (chunked) is refused there too.
 */
public class BodySizeLimit {

    static final long MAX_BODY = 1 << 20;
    private static final String LIST_UPLOADS = "api/v1/lists/";
    private static final String LIST_PROPOSALS = "api/v1/lists/proposals";

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.startsWith(LIST_UPLOADS) && !relative.startsWith(LIST_PROPOSALS)) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            String encoding = request.getHeaderString("Transfer-Encoding");
            if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                throw ProblemException.lengthRequired("send the body with a Content-Length of at most " + MAX_BODY + " bytes");
            }
            return;
        }
        try {
            if (Long.parseLong(length.strip()) <= MAX_BODY) {
                return;
            }
        } catch (NumberFormatException unreadable) {
            throw ProblemException.invalidField("Content-Length", "not a number of bytes");
        }
        throw ProblemException.tooLarge("this endpoint takes at most " + MAX_BODY + " bytes; only list files may be larger");
    }
}
