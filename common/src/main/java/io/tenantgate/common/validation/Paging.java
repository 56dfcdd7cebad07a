package io.tenantgate.common.validation;

/** Bounds of every paged listing, so that page times size never overflows and no query skips billions of rows. */
public final class Paging {

    /** The highest page number a listing accepts (with the largest page size, 20 million rows in). */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }
}
