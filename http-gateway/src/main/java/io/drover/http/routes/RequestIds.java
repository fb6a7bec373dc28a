package io.drover.http.routes;

import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Headers;
import java.util.Random;
import java.util.UUID;

/**
 * The ID a write is deduplicated by: the client's {@code Idempotency-Key} when it sent one, so a
 * retried request is applied once; else a fresh random UUID.
 */
final class RequestIds {
    private final Random random;

    RequestIds(Random random) {
        this.random = random;
    }

    String of(GatewayRequest request) {
        String key = request.header(Headers.IDEMPOTENCY_KEY);
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC0L << 56)) | (0x80L << 56);
        return new UUID(msb, lsb).toString();
    }
}
