package io.tenantgate.screening.lists;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ListVersionRepository implements PanacheRepository<ListVersion> {

    public List<ListVersion> findActive() {
        return list("active", Sort.by("source"), true);
    }

    public List<ListVersion> findAllNewestFirst() {
        return listAll(Sort.by("importedAt").descending().and("source"));
    }
}
