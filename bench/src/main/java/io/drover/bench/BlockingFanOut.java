package io.drover.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Parks many {@code GET /v1/jobs?index=N} blocking queries, makes one write, and times how long
 * until every one of them has answered with the new index.
 */
@Command(name = "blocking", description = "Time for N parked blocking queries to all answer after one write.")
final class BlockingFanOut implements Runnable {
    @Option(names = "--addr", required = true)
    String addr;

    @Option(names = "--waiters", defaultValue = "1000")
    int waiters;

    @Option(names = "--rounds", defaultValue = "3")
    int rounds;

    @Override
    public void run() {
        Api api = new Api();
        try {
            for (int round = 1; round <= rounds; round++) {
                long index = api.index(addr, "/v1/jobs");
                List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
                AtomicLong lastAnswer = new AtomicLong();
                for (int i = 0; i < waiters; i++) {
                    parked.add(api.getAsync(addr, "/v1/jobs?index=" + index + "&wait=120s", Duration.ofSeconds(180))
                            .whenComplete((r, e) -> lastAnswer.accumulateAndGet(System.nanoTime(), Math::max)));
                }
                TimeUnit.SECONDS.sleep(3);
                long early = parked.stream().filter(CompletableFuture::isDone).count();
                long writeStart = System.nanoTime();
                api.register(addr, "blocking-" + System.nanoTime());
                long acked = System.nanoTime();
                CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                long woken = 0;
                for (CompletableFuture<HttpResponse<String>> f : parked) {
                    HttpResponse<String> r = f.get();
                    long i = Long.parseLong(r.headers().firstValue("X-Nomad-Index").orElse("0"));
                    if (r.statusCode() == 200 && i > index) {
                        woken++;
                    }
                }
                System.out.printf("blocking round %d: %d parked (%d answered early), write acknowledged in %.1f ms, "
                        + "all %d answered with the new index %.1f ms after the write was sent%n", round, waiters, early,
                        (acked - writeStart) / 1e6, woken, (lastAnswer.get() - writeStart) / 1e6);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
