package io.tenantgate.suite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.grpc.MethodDescriptor;

/** Messages as raw bytes: enough to call any gRPC method (an empty message) without its generated stub. */
final class GrpcBytes implements MethodDescriptor.Marshaller<byte[]> {

    static final GrpcBytes MARSHALLER = new GrpcBytes();

    private GrpcBytes() {
    }

    @Override
    public InputStream stream(byte[] value) {
        return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
