package io.tenantgate.common.rest;

import io.tenantgate.common.problem.InvalidParameterException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ids and numbers in a path or a query string that do not parse answer 400 naming the parameter, in every service.
 * JAX-RS would answer 404, as if a well-formed id did not exist; 404 is kept for that.
 */
@Provider
public class ParameterValues implements ParamConverterProvider {

    private record Parser(String expected, Function<String, Object> parse) {
    }

    private static final Parser INTEGER = new Parser("a whole number", Integer::valueOf);
    private static final Parser LONG = new Parser("a whole number", Long::valueOf);
    private static final Map<Class<?>, Parser> PARSERS = Map.of(
            UUID.class, new Parser("a UUID, such as 3f2b8c1e-0a4d-4e59-9b7a-2c1d5e6f7a80", UUID::fromString),
            Integer.class, INTEGER, int.class, INTEGER, Long.class, LONG, long.class, LONG);

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Parser parser = PARSERS.get(rawType);
        String name = parameterName(annotations);
        if (parser == null || name == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) parser.parse().apply(value.strip());
                } catch (IllegalArgumentException malformed) {
                    throw new InvalidParameterException(name, "must be " + parser.expected());
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }
}
