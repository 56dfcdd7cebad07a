package io.tenantgate.identity.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** Accesses and administrative actions on an account, as the provider's systems log them. */
public record AccessEventBatch(@NotEmpty @Size(max = AccessEventBatch.MAX_EVENTS) List<@NotNull @Valid Event> events) {

    public static final int MAX_EVENTS = 10_000;

    /**
     * @param action what was done, e.g. "login", "api-key-created", "console-access"
     */
    public record Event(@NotNull OffsetDateTime at,
                        @NotNull @Size(max = 45) String ip,
                        @NotNull @Pattern(regexp = "[a-z0-9._-]{1,64}", message = "1-64 lower-case letters, digits, . _ -") String action) {
    }
}
