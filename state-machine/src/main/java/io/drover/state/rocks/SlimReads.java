package io.drover.state.rocks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectReader;
import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Partial decodes of stored values for apply's bookkeeping. Every evaluation written looks up
 * its job's status fields and its own earlier CreateIndex; decoding the whole job (its task
 * groups are nearly all of it) and the whole earlier evaluation for that was a tenth of the
 * apply thread's time under register load. What these return is never stored or cached as
 * the object it came from.
 */
final class SlimReads {
    @JsonIgnoreProperties({"TaskGroups"})
    private abstract static class WithoutTaskGroups {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class Indexes {
        @JsonProperty("CreateIndex")
        Long createIndex;
    }

    private static final ObjectReader JOB_HEAD = NomadJson.storedValueMapper()
            .addMixIn(Job.class, WithoutTaskGroups.class)
            .readerFor(Job.class);
    private static final ObjectReader INDEXES = NomadJson.storedValueMapper().readerFor(Indexes.class);

    private SlimReads() {
    }

    /** A stored job without its task groups. */
    static Job jobHead(byte[] stored) {
        try {
            return JOB_HEAD.readValue(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored job could not be decoded", e);
        }
    }

    /** The CreateIndex of a stored object (null if it has none). */
    static Long createIndex(byte[] stored) {
        try {
            Indexes i = INDEXES.readValue(stored);
            return i.createIndex;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored value could not be decoded", e);
        }
    }
}
