package io.tenantgate.k8s.check;

import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

/** A container's declared ports, by name or number. */
final class ContainerPorts {

    private ContainerPorts() {
    }

    /** The port number a probe or Service port means: a number as is, a name through the container's ports. */
    static OptionalInt resolve(JsonNode container, JsonNode port) {
        return port.isInt() ? OptionalInt.of(port.asInt()) : named(container, port.asText());
    }

    static OptionalInt named(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return OptionalInt.of(port.path("containerPort").asInt());
            }
        }
        return OptionalInt.empty();
    }

    static boolean declares(JsonNode container, JsonNode port) {
        OptionalInt number = resolve(container, port);
        if (number.isEmpty()) {
            return false;
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("containerPort").asInt() == number.getAsInt()) {
                return true;
            }
        }
        return false;
    }
}
