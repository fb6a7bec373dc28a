package io.drover.http;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Accept failures (the process out of file descriptors) end at the listening channel's last
 * handler, which reports them at most once a minute, instead of reaching the pipeline's tail,
 * where Netty logged a warning with a stack trace for every failed accept, once a second.
 */
class AcceptFailuresTest {
    @Test
    void failuresAreReportedHereAndGoNoFurther() {
        EmbeddedChannel listening = new EmbeddedChannel(new AcceptFailures());

        for (int i = 0; i < 5; i++) {
            listening.pipeline().fireExceptionCaught(new IOException("Too many open files"));
        }

        assertThatCode(listening::checkException).doesNotThrowAnyException();
        listening.finishAndReleaseAll();
    }
}
