package io.tenantgate.screening.lists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Which list versions exist and which are active. */
@ApplicationScoped
public class ListStatusService {

    private final ListVersionRepository versions;

    public ListStatusService(ListVersionRepository versions) {
        this.versions = versions;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ListVersion> activeVersions() {
        return versions.findActive();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ListVersion> allVersions() {
        return versions.findAllNewestFirst();
    }
}
