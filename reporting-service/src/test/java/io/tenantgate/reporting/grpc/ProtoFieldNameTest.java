package io.tenantgate.reporting.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A rejected usage field is named as each caller sends it: camelCase over REST, the proto's snake_case over gRPC. */
class ProtoFieldNameTest {

    @Test
    void restFieldNamesBecomeProtoFieldNames() {
        assertEquals("cluster_id", UsageStream.protoFieldName("clusterId"));
        assertEquals("measured_operations", UsageStream.protoFieldName("measuredOperations"));
        assertEquals("end", UsageStream.protoFieldName("end"));
    }
}
