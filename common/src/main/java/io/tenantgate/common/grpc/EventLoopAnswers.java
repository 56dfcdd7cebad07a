package io.tenantgate.common.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.Objects;

/**
 * The answers of a call, written from the call's event loop, in the order given, and dropped once the client has
 * cancelled the call. Vert.x does not check, before it writes, whether the client has reset the stream (a client
 * may cancel as soon as it has the answer, before the trailers, or when its deadline passes); headers written to a
 * reset stream end the whole connection (GOAWAY, PROTOCOL_ERROR) and every other call on it. The reset is handled
 * on the event loop, so there, and only there, the call knows for certain whether it is cancelled.
 */
public final class EventLoopAnswers<T> extends ServerCallStreamObserver<T> {

    private final ServerCallStreamObserver<T> call;
    private final Context context;

    private EventLoopAnswers(ServerCallStreamObserver<T> call, Context context) {
        this.call = call;
        this.context = context;
    }

    /** Wraps the answers of the call being served; must be called on the call's Vert.x context (event loop or worker). */
    public static <T> ServerCallStreamObserver<T> of(StreamObserver<T> answers) {
        Context context = Objects.requireNonNull(Vertx.currentContext(), "a gRPC call is served on a Vert.x context");
        return new EventLoopAnswers<>((ServerCallStreamObserver<T>) answers, context);
    }

    @Override
    public void onNext(T value) {
        write(() -> call.onNext(value));
    }

    @Override
    public void onError(Throwable failure) {
        write(() -> call.onError(failure));
    }

    @Override
    public void onCompleted() {
        write(call::onCompleted);
    }

    private void write(Runnable answer) {
        context.runOnContext(ignored -> {
            if (!call.isCancelled()) {
                answer.run();
            }
        });
    }

    @Override
    public boolean isCancelled() {
        return call.isCancelled();
    }

    @Override
    public void setOnCancelHandler(Runnable onCancelHandler) {
        call.setOnCancelHandler(onCancelHandler);
    }

    @Override
    public void setCompression(String compression) {
        call.setCompression(compression);
    }

    @Override
    public boolean isReady() {
        return call.isReady();
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {
        call.setOnReadyHandler(onReadyHandler);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void disableAutoInboundFlowControl() {
        call.disableAutoInboundFlowControl();
    }

    @Override
    public void disableAutoRequest() {
        call.disableAutoRequest();
    }

    @Override
    public void request(int count) {
        call.request(count);
    }

    @Override
    public void setMessageCompression(boolean enable) {
        call.setMessageCompression(enable);
    }
}
