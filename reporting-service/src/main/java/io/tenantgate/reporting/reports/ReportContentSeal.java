package io.tenantgate.reporting.reports;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import io.tenantgate.reporting.config.EncryptionConfig;
import io.tenantgate.sealing.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Seals a report's content (the customer's identification, owners, payment means, access log) with AES-GCM, bound to
 * the report: a content copied onto another report does not open there. Contents stored before sealing existed are
 * plain canonical JSON and are still read. The content hash and signature are over the plain content, as filed.
 */
@ApplicationScoped
@Startup // a missing or malformed key stops the service at start, not at the first report
public class ReportContentSeal {

    static final String COLUMN = "report.content";

    private final FieldCipher cipher;

    public ReportContentSeal(EncryptionConfig config) {
        this.cipher = FieldCipher.fromConfig(config.keys(), config.activeKeyId());
    }

    /** For the entity's own callbacks, which JPA creates outside CDI. */
    static ReportContentSeal current() {
        return Arc.container().instance(ReportContentSeal.class).get();
    }

    String seal(String content, UUID reportId) {
        return cipher.seal(content, COLUMN, reportId.toString());
    }

    /** What every content sealed now starts with; anything else is due for re-sealing. */
    String currentPrefix() {
        return cipher.currentPrefix();
    }

    /** The plain content of a stored one: sealed for this report, or plain JSON stored before sealing existed. */
    String open(String stored, UUID reportId) {
        return FieldCipher.isSealed(stored) ? cipher.open(stored, COLUMN, reportId.toString()) : stored;
    }
}
