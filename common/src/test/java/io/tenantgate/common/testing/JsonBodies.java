package io.tenantgate.common.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tenantgate.common.rest.StrictRequestBodies;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON bodies of a service's POST and PUT operations, read as the service reads them: Jackson with the REST
 * layer's strict reader ({@link StrictRequestBodies}), then Bean Validation. For fuzzing: whatever the bytes, a body is
 * read and validated, or refused as unreadable JSON; any other exception would answer 500.
 */
public final class JsonBodies {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class,
            org.jboss.resteasy.reactive.RestPath.class, org.jboss.resteasy.reactive.RestQuery.class,
            org.jboss.resteasy.reactive.RestHeader.class);

    private final List<java.lang.reflect.Type> types;
    private final ObjectMapper reader = new StrictRequestBodies(JsonMapper.builder().findAndAddModules().build())
            .getContext(Object.class);
    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private JsonBodies(List<java.lang.reflect.Type> types) {
        this.types = types;
    }

    /** The body types of every POST and PUT of every REST resource ({@code @Path} class) compiled beside this class. */
    public static JsonBodies ofEveryResourceBeside(Class<?> mainClass) {
        java.nio.file.Path classes;
        try {
            classes = java.nio.file.Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> resources = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, mainClass.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("could not list the resources beside " + mainClass, e);
        }
        return of(resources.toArray(Class<?>[]::new));
    }

    /** The body types of every POST and PUT of these resource classes (a multipart form is not a JSON body). */
    public static JsonBodies of(Class<?>... resources) {
        Set<java.lang.reflect.Type> bodies = new LinkedHashSet<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(POST.class) && !method.isAnnotationPresent(PUT.class)) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    boolean annotated = java.util.Arrays.stream(parameter.getAnnotations())
                            .anyMatch(a -> NOT_THE_BODY.contains(a.annotationType()));
                    if (!annotated && !parameter.getType().getName().contains("Multipart")) {
                        bodies.add(parameter.getParameterizedType());
                    }
                }
            }
        }
        // a stable order, so the first byte of a kept fuzzing input keeps choosing the same type
        return new JsonBodies(bodies.stream().sorted(java.util.Comparator.comparing(java.lang.reflect.Type::getTypeName)).toList());
    }

    public List<java.lang.reflect.Type> types() {
        return types;
    }

    /**
     * A fuzzing input: its first byte chooses the body type (modulo their number, in type-name order), the rest is the
     * body in UTF-8. Returns normally when the body is read (valid or not) or refused as unreadable; throws anything else.
     */
    public void readAndValidate(byte[] input) {
        readAndValidate(input.length == 0 ? 0 : input[0],
                new String(input, Math.min(1, input.length), Math.max(0, input.length - 1), java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Checks the fuzzing seeds in a folder: each is a readable, valid body of the type its first byte chooses, and
     * every type has one. Fails naming the seed or the type otherwise.
     */
    public void checkSeeds(java.nio.file.Path folder) throws java.io.IOException {
        Set<java.lang.reflect.Type> seeded = new java.util.HashSet<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path seed : files.filter(f -> f.getFileName().toString().startsWith("seed-")).toList()) {
                byte[] input = java.nio.file.Files.readAllBytes(seed);
                java.lang.reflect.Type type = types.get(Math.floorMod(input[0], types.size()));
                Object body = reader.readValue(input, 1, input.length - 1, reader.getTypeFactory().constructType(type));
                java.util.Collection<?> items = body instanceof java.util.Collection<?> list ? list : List.of(body);
                for (Object item : items) {
                    Set<?> violations = validator.validate(item);
                    if (!violations.isEmpty()) {
                        throw new AssertionError(seed + " is not a valid " + type.getTypeName() + ": " + violations);
                    }
                }
                seeded.add(type);
            }
        }
        if (!seeded.containsAll(types)) {
            List<java.lang.reflect.Type> missing = types.stream().filter(t -> !seeded.contains(t)).toList();
            throw new AssertionError("no seed in " + folder + " for " + missing);
        }
    }

    /** Reads {@code json} as the {@code which}-th body type (modulo their number) and validates what it reads. */
    public void readAndValidate(int which, String json) {
        java.lang.reflect.Type type = types.get(Math.floorMod(which, types.size()));
        Object body;
        try {
            body = reader.readValue(json, reader.getTypeFactory().constructType(type));
        } catch (JsonProcessingException refused) {
            return; // 400 naming what could not be read
        }
        // violations answer 400; an exception here would answer 500
        if (body instanceof java.util.Collection<?> items) {
            items.stream().filter(java.util.Objects::nonNull).forEach(validator::validate);
        } else if (body != null) {
            validator.validate(body);
        }
    }
}
