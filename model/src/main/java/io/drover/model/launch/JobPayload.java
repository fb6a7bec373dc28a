package io.drover.model.launch;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.util.Arrays;

/**
 * A dispatched job's {@code Payload} as Nomad stores it: Snappy-compressed (block format) by
 * the dispatch endpoint, decompressed by the node before the task gets it.
 */
public final class JobPayload {
    private JobPayload() {
    }

    public static byte[] compress(byte[] raw) {
        SnappyCompressor c = new SnappyCompressor();
        byte[] out = new byte[c.maxCompressedLength(raw.length)];
        int n = c.compress(raw, 0, raw.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    /** @throws IllegalArgumentException as Go's {@code snappy: corrupt input} when the bytes are not a Snappy block */
    public static byte[] decompress(byte[] stored) {
        try {
            int length = SnappyDecompressor.getUncompressedLength(stored, 0);
            byte[] out = new byte[length];
            int n = new SnappyDecompressor().decompress(stored, 0, stored.length, out, 0, length);
            if (n != length) {
                throw corrupt();
            }
            return out;
        } catch (MalformedInputException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw corrupt();
        }
    }

    private static IllegalArgumentException corrupt() {
        return new IllegalArgumentException("snappy: corrupt input");
    }
}
