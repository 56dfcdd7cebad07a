package io.tenantgate.common.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * REST request bodies are read strictly: a field the API does not have is refused (400 naming it, with the
 * fields there are) instead of ignored, so a misspelt {@code "adresses"} cannot open a case without addresses.
 * Only the REST layer's reader: stored JSON and other readers keep the lenient application mapper, so a value
 * stored by an earlier version still reads.
 */
@Provider
public class StrictRequestBodies implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictRequestBodies(ObjectMapper application) {
        this.strict = application.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
