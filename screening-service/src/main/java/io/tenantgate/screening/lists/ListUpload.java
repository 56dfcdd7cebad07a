package io.tenantgate.screening.lists;

import io.tenantgate.common.problem.ProblemException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The raw files of one list import, checked against what its feed needs; the checksum names its content. */
public record ListUpload(ListFeed feed, Map<String, byte[]> parts, String origin) {

    public ListUpload {
        parts = Map.copyOf(parts);
        for (String required : feed.requiredParts()) {
            if (!parts.containsKey(required) || parts.get(required).length == 0) {
                throw ProblemException.invalidField(required, "the " + feed + " list needs a non-empty part '" + required + "'");
            }
        }
        for (String part : parts.keySet()) {
            if (!feed.allowedParts().contains(part)) {
                throw ProblemException.invalidField(part, "not a part of a " + feed + " upload; expected "
                        + feed.allowedParts());
            }
        }
    }

    /** SHA-256 over the parts in name order, so the same files give the same checksum however they arrive. */
    public String checksum() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(parts).forEach((name, bytes) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(bytes.length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
