package io.drover.state.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RocksNativeTest {
    @Test
    void theLibraryIsMappedFromOneStableFileNotAFreshTemporaryCopy() throws Exception {
        RocksNative.load();
        RocksNative.load();
        List<String> mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(line -> line.contains("librocksdbjni"))
                .map(line -> line.substring(line.indexOf('/')))
                .distinct()
                .toList();
        Path stable = Path.of(System.getProperty("java.io.tmpdir"), "drover-" + System.getProperty("user.name"));
        assertThat(mapped).hasSize(1);
        assertThat(Path.of(mapped.get(0))).startsWith(stable);
        assertThat(Files.isRegularFile(Path.of(mapped.get(0)))).isTrue();
    }
}
