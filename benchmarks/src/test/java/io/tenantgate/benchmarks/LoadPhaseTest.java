package io.tenantgate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.tenantgate.proto.screening.v1.BatchError;
import io.tenantgate.proto.screening.v1.Party;
import io.tenantgate.proto.screening.v1.ScreenBatchRequest;
import io.tenantgate.proto.screening.v1.ScreenBatchResponse;
import io.tenantgate.proto.screening.v1.ScreenRequest;
import io.tenantgate.proto.screening.v1.ScreenResponse;
import io.tenantgate.proto.screening.v1.ScreeningServiceGrpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The load generator against a stand-in ScreenBatch server on loopback that refuses parties named "bad". */
class LoadPhaseTest {

    @Test
    void everyPartyIsAnsweredAndErrorAnswersAreCounted() throws Exception {
        Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new StandInScreening()).build().start();
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.getPort(),
                InsecureChannelCredentials.create()).build();
        try {
            List<ScreenRequest> pool = List.of(request("Alice Example"), request("bad"), request("Bob Example"));
            LoadPhase.Result result = LoadPhase.run(channel, ScreeningServiceGrpc.newStub(channel), pool, 3000, 3, 8,
                    Duration.ofSeconds(30));
            assertTrue(result.inTime());
            assertEquals(3000, result.sent());
            assertEquals(3000, result.answered());
            assertEquals(Map.of("answer error invalid-argument", 1000), result.errors());
            assertTrue(result.percentileMillis(0.99) >= result.percentileMillis(0.5));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static ScreenRequest request(String name) {
        return ScreenRequest.newBuilder().setParty(Party.newBuilder().addNames(name)).build();
    }

    private static final class StandInScreening extends ScreeningServiceGrpc.ScreeningServiceImplBase {
        @Override
        public StreamObserver<ScreenBatchRequest> screenBatch(StreamObserver<ScreenBatchResponse> responses) {
            return new StreamObserver<>() {
                @Override
                public void onNext(ScreenBatchRequest request) {
                    ScreenBatchResponse.Builder answer = ScreenBatchResponse.newBuilder().setRequestId(request.getRequestId());
                    if (request.getRequest().getParty().getNames(0).equals("bad")) {
                        answer.setError(BatchError.newBuilder().setCode("invalid-argument").setField("party.names[0]"));
                    } else {
                        answer.setResponse(ScreenResponse.getDefaultInstance());
                    }
                    responses.onNext(answer.build());
                }

                @Override
                public void onError(Throwable failure) {
                }

                @Override
                public void onCompleted() {
                    responses.onCompleted();
                }
            };
        }
    }
}
