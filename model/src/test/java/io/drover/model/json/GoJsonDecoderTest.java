package io.drover.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Job;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.canonical.JobRegisterBody;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies are refused with exactly the text Go's encoding/json gives Nomad, and accepted as Go accepts them. */
class GoJsonDecoderTest {

    @Test
    void recordedBadBodiesGiveRecordedMessages() {
        for (String name : new String[] {"030_err_register_malformed_json.txt", "032_err_register_empty_body.txt",
                "051_err_register_wrong_type.txt"}) {
            Recording r = Recording.load(name);
            assertThat(r.status).isEqualTo(400);
            assertThatThrownBy(() -> GoJsonDecoder.decode(r.requestBody, JobRegisterBody.class))
                    .as(name)
                    .isInstanceOf(BodyDecodeException.class)
                    .hasMessage(r.responseBody);
        }
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                           | EOF",
            "`  \n\t `                    | EOF",
            "`{\"Job\": {\"ID\": \"x\", ` | unexpected EOF",
            "`{\"Job\": \"ab`             | unexpected EOF",
            "`[1, 2`                      | unexpected EOF",
            "`tr`                         | unexpected EOF",
            "`x`                          | invalid character 'x' looking for beginning of value",
            "`{\"Job\": {]}`              | invalid character ']' looking for beginning of object key string",
            "`{\"Job\": {},}`             | invalid character '}' looking for beginning of object key string",
            "`{\"Job\" 1}`                | invalid character '1' after object key",
            "`{\"Job\": {} \"x\"}`        | invalid character '\"' after object key:value pair",
            "`{\"a\": [1 2]}`             | invalid character '2' after array element",
            "`{\"a\": [1,]}`              | invalid character ']' looking for beginning of value",
            "`{\"a\": tru}`               | invalid character '}' in literal true (expecting 'e')",
            "`{\"a\": nul}`               | invalid character '}' in literal null (expecting 'l')",
            "`{\"a\": fals}`              | invalid character '}' in literal false (expecting 'e')",
            "`{\"a\": 01}`                | invalid character '1' after object key:value pair",
            "`{\"a\": -}`                 | invalid character '}' in numeric literal",
            "`{\"a\": 1.}`                | invalid character '}' after decimal point in numeric literal",
            "`{\"a\": 1e}`                | invalid character '}' in exponent of numeric literal",
            "`{\"a\": \"\\q\"}`           | invalid character 'q' in string escape code",
            "`{\"a\": \"\\u12x4\"}`       | invalid character 'x' in \\u hexadecimal character escape",
            "`{\"a\": 'x'}`               | invalid character '\\'' looking for beginning of value",
            "`5x`                         | invalid character 'x' after top-level value",
    })
    void syntaxErrorsUseGoScannerTexts(String body, String message) {
        assertThatThrownBy(() -> decode(body)).isInstanceOf(BodyDecodeException.class).hasMessage(message);
    }

    @Test
    void controlCharactersInStringsAreQuotedAsGoQuotesThem() {
        assertThatThrownBy(() -> decode("{\"Job\": {\"ID\": \"a\u0001\"}}"))
                .hasMessage("invalid character '\\x01' in string literal");
        assertThatThrownBy(() -> decode("{\"Job\": {\"ID\": \"a\n\"}}"))
                .hasMessage("invalid character '\\n' in string literal");
    }

    @Test
    void aByteOrderMarkIsNotJsonToGo() {
        byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        assertThatThrownBy(() -> GoJsonDecoder.decode(body, JobRegisterBody.class))
                .hasMessage("invalid character '\u00ef' looking for beginning of value");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"Job\": {\"Priority\": \"high\"}}` | json: cannot unmarshal string into Go struct field Job.Job.Priority of type int",
            "`{\"Job\": {\"Datacenters\": \"dc1\"}}` | json: cannot unmarshal string into Go struct field Job.Job.Datacenters of type []string",
            "`{\"Job\": {\"Datacenters\": [\"a\", 1]}}` | json: cannot unmarshal number into Go struct field Job.Job.Datacenters of type string",
            "`{\"Job\": {\"Meta\": {\"a\": 1}}}` | json: cannot unmarshal number into Go struct field Job.Job.Meta of type string",
            "`{\"Job\": {\"Meta\": [\"a\"]}}` | json: cannot unmarshal array into Go struct field Job.Job.Meta of type map[string]string",
            "`{\"Job\": {\"Stop\": \"yes\"}}` | json: cannot unmarshal string into Go struct field Job.Job.Stop of type bool",
            "`{\"Job\": {\"Type\": true}}` | json: cannot unmarshal bool into Go struct field Job.Job.Type of type string",
            "`{\"Job\": {\"Version\": -1}}` | json: cannot unmarshal number -1 into Go struct field Job.Job.Version of type uint64",
            "`{\"Job\": {\"TaskGroups\": {}}}` | json: cannot unmarshal object into Go struct field Job.Job.TaskGroups of type []*api.TaskGroup",
            "`{\"Job\": {\"TaskGroups\": [\"g\"]}}` | json: cannot unmarshal string into Go struct field Job.Job.TaskGroups of type api.TaskGroup",
            "`{\"Job\": {\"TaskGroups\": [{\"Count\": 1.5}]}}` | json: cannot unmarshal number 1.5 into Go struct field TaskGroup.Job.TaskGroups.Count of type int",
            "`{\"Job\": {\"TaskGroups\": [{\"Count\": 1e2}]}}` | json: cannot unmarshal number 1e2 into Go struct field TaskGroup.Job.TaskGroups.Count of type int",
            "`{\"Job\": {\"Update\": 5}}` | json: cannot unmarshal number into Go struct field Job.Job.Update of type api.UpdateStrategy",
            "`{\"Job\": {\"Update\": {\"Stagger\": \"30s\"}}}` | json: cannot unmarshal string into Go struct field UpdateStrategy.Job.Update.Stagger of type time.Duration",
            "`{\"Job\": {\"Affinities\": [{\"Weight\": 200}]}}` | json: cannot unmarshal number 200 into Go struct field Affinity.Job.Affinities.Weight of type int8",
            "`{\"Job\": {\"Spreads\": [{\"SpreadTarget\": [{\"Percent\": -1}]}]}}` | json: cannot unmarshal number -1 into Go struct field SpreadTarget.Job.Spreads.SpreadTarget.Percent of type uint8",
            "`{\"Job\": {\"TaskGroups\": [{\"Tasks\": [{\"KillTimeout\": \"5s\"}]}]}}` | json: cannot unmarshal string into Go struct field Task.Job.TaskGroups.Tasks.KillTimeout of type time.Duration",
            "`{\"Job\": {\"TaskGroups\": [{\"Tasks\": [{\"Config\": \"x\"}]}]}}` | json: cannot unmarshal string into Go struct field Task.Job.TaskGroups.Tasks.Config of type map[string]interface {}",
            "`{\"Job\": {\"TaskGroups\": [{\"Tasks\": [{\"Lifecycle\": {\"Hook\": 1}}]}]}}` | json: cannot unmarshal number into Go struct field TaskLifecycle.Job.TaskGroups.Tasks.Lifecycle.Hook of type string",
            "`{\"Job\": {\"TaskGroups\": [{\"Networks\": [{\"ReservedPorts\": [{\"Value\": \"x\"}]}]}]}}` | json: cannot unmarshal string into Go struct field Port.Job.TaskGroups.Networks.ReservedPorts.Value of type int",
            "`{\"Job\": {\"TaskGroups\": [{\"Networks\": [{\"ReservedPorts\": {}}]}]}}` | json: cannot unmarshal object into Go struct field NetworkResource.Job.TaskGroups.Networks.ReservedPorts of type []api.Port",
            "`{\"Job\": {\"TaskGroups\": [{\"Services\": [{\"Checks\": [{\"Interval\": \"10s\"}]}]}]}}` | json: cannot unmarshal string into Go struct field ServiceCheck.Job.TaskGroups.Services.Checks.Interval of type time.Duration",
            "`{\"Job\": {\"TaskGroups\": [{\"Volumes\": {\"v\": {\"ReadOnly\": \"no\"}}}]}}` | json: cannot unmarshal string into Go struct field VolumeRequest.Job.TaskGroups.Volumes.ReadOnly of type bool",
            "`{\"Job\": {\"TaskGroups\": [{\"Tasks\": [{\"CSIPluginConfig\": {\"Type\": 1}}]}]}}` | json: cannot unmarshal number into Go struct field TaskCSIPluginConfig.Job.TaskGroups.Tasks.CSIPluginConfig.Type of type api.CSIPluginType",
            "`{\"Job\": \"x\"}` | json: cannot unmarshal string into Go struct field JobRegisterRequest.Job of type api.Job",
            "`{\"EnforceIndex\": \"yes\"}` | json: cannot unmarshal string into Go struct field JobRegisterRequest.EnforceIndex of type bool",
            "`{\"Region\": 1}` | json: cannot unmarshal number into Go struct field JobRegisterRequest.Region of type string",
            "`[]` | json: cannot unmarshal array into Go value of type api.JobRegisterRequest",
            "`\"job\"` | json: cannot unmarshal string into Go value of type api.JobRegisterRequest",
            "`{\"Job\": {\"Payload\": \"!!!!\"}}` | illegal base64 data at input byte 0",
            "`{\"Job\": {\"Payload\": \"YWJj=\"}}` | illegal base64 data at input byte 4",
            "`{\"Job\": {\"TaskGroups\": [{\"Tasks\": [{\"Config\": {\"n\": 1e400}}]}]}}` | json: cannot unmarshal number 1e400 into Go struct field Task.Job.TaskGroups.Tasks.Config of type float64",
    })
    void typeMismatchesNameTheGoStructFieldPathAndType(String body, String message) {
        assertThatThrownBy(() -> decode(body)).isInstanceOf(BodyDecodeException.class).hasMessage(message);
    }

    @Test
    void theFirstMismatchInTheBodyIsReported() {
        assertThatThrownBy(() -> decode("{\"Job\": {\"Name\": 1, \"Priority\": \"x\"}}"))
                .hasMessage("json: cannot unmarshal number into Go struct field Job.Job.Name of type string");
    }

    @Test
    void aSyntaxErrorAnywhereWinsOverAnEarlierMismatch() {
        assertThatThrownBy(() -> decode("{\"Job\": {\"Name\": 1, \"Priority\": }}"))
                .hasMessage("invalid character '}' looking for beginning of value");
    }

    @Test
    void aMismatchedValueIsNotLookedInto() {
        // Go skips a value of the wrong kind whole, so nothing inside it is reported.
        assertThatThrownBy(() -> decode("{\"Job\": {\"Update\": [{\"Stagger\": \"x\"}], \"Name\": 1}}"))
                .hasMessage("json: cannot unmarshal array into Go struct field Job.Job.Update of type api.UpdateStrategy");
    }

    @Test
    void keysMatchFieldsCaseInsensitivelyAndUnknownKeysAreIgnored() throws Exception {
        JobRegisterBody body = decode("{\"job\": {\"iD\": \"x\", \"taskGroups\": [{\"NAME\": \"g\", \"count\": 2}],"
                + " \"Bogus\": {\"deep\": [1, 2]}, \"meta\": {\"Key\": \"v\"}}, \"Extra\": true}");
        assertThat(body.job.id).isEqualTo("x");
        assertThat(body.job.taskGroups.get(0).name).isEqualTo("g");
        assertThat(body.job.taskGroups.get(0).count).isEqualTo(2);
        // Map keys are data, not field names: their case is kept.
        assertThat(body.job.meta).containsExactlyEntriesOf(java.util.Map.of("Key", "v"));
    }

    @Test
    void anUnknownKeyIsNotTypeChecked() throws Exception {
        assertThat(decode("{\"Job\": {\"ID\": \"x\", \"Count\": \"not a number\"}}").job.id).isEqualTo("x");
    }

    @Test
    void recordedCaseVariantsDecodeToTheSameJob() throws Exception {
        Job plain = GoJsonDecoder.decode(Recording.load("005_jobs_register_raw_exec.txt").requestBody,
                JobRegisterBody.class).job;
        for (String name : new String[] {"052_register_unknown_fields.txt", "053_register_lowercase_job_key.txt"}) {
            Job variant = GoJsonDecoder.decode(Recording.load(name).requestBody, JobRegisterBody.class).job;
            JobCanonicalizer.canonicalize(variant);
            Job expected = plain.copy();
            JobCanonicalizer.canonicalize(expected);
            assertThat((Object) NomadJson.mapper().valueToTree(variant)).as(name)
                    .isEqualTo((Object) NomadJson.mapper().valueToTree(expected));
        }
        Job lower = GoJsonDecoder.decode(Recording.load("054_register_lowercase_field_names.txt").requestBody,
                JobRegisterBody.class).job;
        assertThat(lower.id).isEqualTo("lower-keys");
        assertThat(lower.taskGroups.get(0).tasks.get(0).resources.cpu).isEqualTo(100);
        assertThat(lower.taskGroups.get(0).tasks.get(0).resources.memoryMb).isEqualTo(32);
    }

    @Test
    void anythingAfterTheFirstValueIsIgnored() throws Exception {
        assertThat(decode("{\"Job\": {\"ID\": \"x\"}} trailing {garbage").job.id).isEqualTo("x");
    }

    @Test
    void nullBodyGivesAnEmptyRequest() throws Exception {
        JobRegisterBody body = decode(" null ");
        assertThat(body).isNotNull();
        assertThat(body.job).isNull();
        assertThat(decode("{}").job).isNull();
    }

    @Test
    void aRepeatedObjectKeyIsMergedAsGoMergesIt() throws Exception {
        JobRegisterBody body = decode("{\"Job\": {\"ID\": \"a\", \"Meta\": {\"x\": \"1\"}},"
                + " \"job\": {\"Name\": \"b\", \"Meta\": {\"y\": \"2\"}, \"Datacenters\": [\"d1\"]}}");
        assertThat(body.job.id).isEqualTo("a");
        assertThat(body.job.name).isEqualTo("b");
        assertThat(body.job.meta).containsOnlyKeys("x", "y");
    }

    @Test
    void apiOnlyFieldsAreDecoded() throws Exception {
        JobRegisterBody body = decode("{\"Job\": {\"Reschedule\": {\"Attempts\": 4}, \"Migrate\": {\"MaxParallel\": 3},"
                + " \"TaskGroups\": [{\"Services\": [{\"Id\": \"s\", \"CheckRestart\": {\"Limit\": 2}}]}]},"
                + " \"Region\": \"eu\", \"Namespace\": \"ns\", \"SecretID\": \"token\", \"EnforceIndex\": true,"
                + " \"JobModifyIndex\": 7, \"PolicyOverride\": true}");
        assertThat(body.job.reschedule.attempts).isEqualTo(4);
        assertThat(body.job.migrate.maxParallel).isEqualTo(3);
        assertThat(body.job.taskGroups.get(0).services.get(0).checkRestart.limit).isEqualTo(2);
        assertThat(body.region).isEqualTo("eu");
        assertThat(body.namespace).isEqualTo("ns");
        assertThat(body.secretId).isEqualTo("token");
        assertThat(body.enforceIndex).isTrue();
        assertThat(body.jobModifyIndex).isEqualTo(7L);
        assertThat(body.policyOverride).isTrue();
    }

    /**
     * Go decodes null into a map value or slice element of a string, number or bool as that type's
     * zero value (the key is there, with "" or 0 or false); pointers and free-form values stay nil.
     * Before, the null reached the routes, and {@code "Target": {"Group": null}} was a 500.
     */
    @Test
    void nullMapValuesAndSliceElementsAreGoZeroValues() throws Exception {
        JobRegisterBody body = decode("{\"Job\": {\"Meta\": {\"a\": null}, \"Datacenters\": [\"dc1\", null],"
                + " \"TaskGroups\": [null, {\"Tasks\": [{\"Config\": {\"c\": null, \"l\": [null]}}]}]}}");

        assertThat(body.job.meta).containsEntry("a", "");
        assertThat(body.job.datacenters).containsExactly("dc1", "");
        assertThat(body.job.taskGroups.get(0)).isNull();
        java.util.Map<String, Object> config = body.job.taskGroups.get(1).tasks.get(0).config;
        assertThat(config).containsEntry("c", null);
        assertThat(config.get("l")).isEqualTo(java.util.Collections.singletonList(null));
        PlainBody plain = GoJsonDecoder.decode("{\"Meta\": {\"k\": null}}".getBytes(StandardCharsets.UTF_8),
                PlainBody.class);
        assertThat(plain.Meta).containsEntry("k", "");
    }

    @Test
    void payloadIsBase64AsInGo() throws Exception {
        assertThat(decode("{\"Job\": {\"Payload\": \"aGVs\\nbG8=\"}}").job.payload)
                .isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void driverConfigKeepsWhatAGoFloatKeeps() throws Exception {
        JobRegisterBody body = decode("{\"Job\": {\"TaskGroups\": [{\"Tasks\": [{\"Config\":"
                + " {\"a\": 1.0, \"b\": 1.5, \"c\": [1, \"x\", null, true], \"d\": {\"e\": 9007199254740993}}}]}]}}");
        String config = new String(NomadJson.write(body.job.taskGroups.get(0).tasks.get(0).config), StandardCharsets.UTF_8);
        assertThat(config).isEqualTo("{\"a\":1,\"b\":1.5,\"c\":[1,\"x\",null,true],\"d\":{\"e\":9007199254740992}}");
    }

    @Test
    void escapesAndBadUtf8DecodeAsInGo() throws Exception {
        assertThat(decode("{\"Job\": {\"ID\": \"\\u00e9\\ud83d\\ude00\\t\\/\"}}").job.id).isEqualTo("\u00e9\ud83d\ude00\t/");
        assertThat(decode("{\"Job\": {\"ID\": \"\\ud83d\"}}").job.id).isEqualTo("\ufffd");
        byte[] bad = "{\"Job\": {\"ID\": \"a\u00ffb\"}}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(GoJsonDecoder.decode(bad, JobRegisterBody.class).job.id).isEqualTo("a\ufffdb");
    }

    @Test
    void deepNestingIsBoundedInsteadOfOverflowingTheStack() throws Exception {
        String deep = "[".repeat(400) + "]".repeat(400);
        assertThat(decode("{\"Job\": {\"TaskGroups\": [{\"Tasks\": [{\"Config\": {\"x\": " + deep + "}}]}]}}").job)
                .isNotNull();
        assertThatThrownBy(() -> decode("{\"Job\": {\"Meta\": " + "[".repeat(100000) + "}}"))
                .hasMessage("exceeded max depth");
    }

    /**
     * A body is bounded in bytes (4 MiB) but each value costs far more once decoded than the two or
     * three bytes it takes to write: a 4 MiB body of empty lists took a hundred megabytes of heap,
     * and a few at once took the whole of it. Real jobs, groups of tens of values each, stay far
     * below the bound.
     */
    @Test
    void theNumberOfValuesIsBounded() throws Exception {
        int max = GoJsonParser.MAX_VALUES;
        String justFits = "[" + "1,".repeat(max - 100) + "1]";
        assertThat(GoJsonDecoder.decode(("{\"Meta\": {\"k\": \"v\"}, \"Job\": {\"TaskGroups\": [{\"Tasks\": [{\"Config\": {\"x\": "
                + justFits + "}}]}]}}").getBytes(StandardCharsets.UTF_8), JobRegisterBody.class).job).isNotNull();
        String tooMany = "{\"Job\": {\"Meta\": {\"x\": [" + "[],".repeat(max) + "[]]}}}";

        assertThatThrownBy(() -> decode(tooMany)).isInstanceOf(BodyDecodeException.class)
                .hasMessage("too many JSON values in request body (more than " + max + ")");
    }

    /** A body class of another module, without annotations: Go names it api.PlainBody. */
    public static final class PlainBody {
        public String JobID;
        public long Count;
        public java.util.Map<String, String> Meta;
    }

    @Test
    void unannotatedBodyClassesDecodeByFieldName() throws Exception {
        PlainBody body = GoJsonDecoder.decode("{\"jobid\": \"x\", \"Count\": 3, \"Meta\": {\"k\": \"v\"}}"
                .getBytes(StandardCharsets.UTF_8), PlainBody.class);
        assertThat(body.JobID).isEqualTo("x");
        assertThat(body.Count).isEqualTo(3);
        assertThat(body.Meta).containsEntry("k", "v");
        assertThatThrownBy(() -> GoJsonDecoder.decode("{\"Count\": \"3\"}".getBytes(StandardCharsets.UTF_8), PlainBody.class))
                .hasMessage("json: cannot unmarshal string into Go struct field PlainBody.Count of type int64");
    }

    private static JobRegisterBody decode(String body) throws BodyDecodeException {
        return GoJsonDecoder.decode(body.getBytes(StandardCharsets.UTF_8), JobRegisterBody.class);
    }
}
