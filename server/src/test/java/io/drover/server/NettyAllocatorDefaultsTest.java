package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyAllocatorDefaultsTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(NettyAllocatorDefaults.GRPC_DIRECT_ARENAS);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(NettyAllocatorDefaults.GRPC_DIRECT_ARENAS);
        } else {
            System.setProperty(NettyAllocatorDefaults.GRPC_DIRECT_ARENAS, before);
        }
    }

    @Test
    void grpcGetsOneDirectArenaByDefault() {
        System.clearProperty(NettyAllocatorDefaults.GRPC_DIRECT_ARENAS);

        NettyAllocatorDefaults.apply();

        assertThat(System.getProperty(NettyAllocatorDefaults.GRPC_DIRECT_ARENAS)).isEqualTo("1");
    }

    @Test
    void anOperatorsSettingWins() {
        System.setProperty(NettyAllocatorDefaults.GRPC_DIRECT_ARENAS, "3");

        NettyAllocatorDefaults.apply();

        assertThat(System.getProperty(NettyAllocatorDefaults.GRPC_DIRECT_ARENAS)).isEqualTo("3");
    }
}
