package io.drover.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HclParserTest {
    @Test
    void itemsNeedNoSeparatorAndBlocksCarryTheirLabels() throws Exception {
        HclNode.ObjectValue root = HclParser.parse("a = 1 b = \"two\" c { d = true } e \"x\" \"y\" {}, f = [1, 2.5,]");

        assertThat(root.items()).extracting(HclNode.Item::key).containsExactly("a", "b", "c", "e", "f");
        assertThat(((HclNode.Literal) root.items().get(0).value()).value()).isEqualTo(1L);
        assertThat(((HclNode.Literal) root.items().get(1).value()).value()).isEqualTo("two");
        assertThat(root.items().get(3).keys()).isEqualTo(List.of("e", "x", "y"));
        HclNode.ListValue f = (HclNode.ListValue) root.items().get(4).value();
        assertThat(f.elements()).extracting(n -> ((HclNode.Literal) n).value()).containsExactly(1L, 2.5);
    }

    /** Job-spec errors point at a key, a label or a value: each keeps where it was written. */
    @Test
    void keysLabelsAndValuesKeepTheirPositions() throws Exception {
        HclNode.ObjectValue root = HclParser.parse("job \"j\" {\n  port \"web\" {}\n  count =  [3]\n}\n");

        HclNode.Item job = root.items().get(0);
        assertThat(job.keyPositions()).containsExactly(new HclPos(1, 1), new HclPos(1, 5));
        assertThat(job.pos()).isEqualTo(new HclPos(1, 1));
        List<HclNode.Item> inner = ((HclNode.ObjectValue) job.value()).items();
        assertThat(inner.get(0).keyPositions()).containsExactly(new HclPos(2, 3), new HclPos(2, 8));
        HclNode.ListValue count = (HclNode.ListValue) inner.get(1).value();
        assertThat(inner.get(1).pos()).isEqualTo(new HclPos(3, 3));
        assertThat(count.pos()).isEqualTo(new HclPos(3, 12));
        assertThat(count.elements().get(0).pos()).isEqualTo(new HclPos(3, 13));
    }

    @Test
    void numbersAsGoReadsThem() throws Exception {
        HclNode.ObjectValue root = HclParser.parse("a = 0x1e b = 0644 c = -3 d = 1e3 e = 2.50");

        assertThat(root.items()).extracting(i -> ((HclNode.Literal) i.value()).value())
                .containsExactly(30L, 420L, -3L, 1000.0, 2.5);
    }

    @Test
    void stringsKeepInterpolationsAndUnescape() throws Exception {
        HclNode.ObjectValue root = HclParser.parse("s = \"${attr[\\\"x\\\"]} \\\"q\\\"\\tt\\u00e9\"");

        assertThat(((HclNode.Literal) root.items().get(0).value()).value()).isEqualTo("${attr[\"x\"]} \"q\"\tt\u00e9");
    }

    @Test
    void heredocsAsHcl1() throws Exception {
        HclNode.ObjectValue root = HclParser.parse("a = <<EOF\nx\n  y\nEOF\nb = <<-EOT\n    x\n      y\n    EOT\n");

        assertThat(((HclNode.Literal) root.items().get(0).value()).value()).isEqualTo("x\n  y\n");
        assertThat(((HclNode.Literal) root.items().get(1).value()).value()).isEqualTo("x\n  y\n");
    }

    @Test
    void errorsCarryHcl1sPositionAndWording() {
        assertError("job \"broken\" {\n  datacenters = [\"dc1\"\n",
                "At 3:1: error parsing list, expected comma or list end, got: EOF");
        assertError("job \"x\" {\n  a = 1\n", "At 3:1: object expected closing RBRACE got: EOF");
        assertError("job \"x\"", "At 1:8: key 'job \"x\"' expected start of object ('{') or assignment ('=')");
        assertError("job \"x\" { foo }", "At 1:15: key 'foo' expected start of object ('{') or assignment ('=')");
        assertError("a b = 1", "At 1:5: nested object expected: LBRACE got: ASSIGN");
        assertError("= 1", "At 1:1: no object keys found!");
        assertError("}", "At 1:1: expected: IDENT | STRING | ASSIGN | LBRACE got: RBRACE");
        assertError("a = }", "At 1:5: Unknown token: 1:5 RBRACE }");
        assertError("a = [1 2]", "At 1:8: error parsing list, expected comma or list end, got: NUMBER");
        assertError("a = \"open\n\"", "At 1:5: literal not terminated");
    }

    @Test
    void aSourceEndingWhereAValueShouldStartEndsQuietlyAsInHcl1() throws Exception {
        assertThat(HclParser.parse("a = ").items()).isEmpty();
        assertThat(HclParser.parse("# only a comment\r\n").items()).isEmpty();
    }

    private static void assertError(String src, String message) {
        assertThatThrownBy(() -> HclParser.parse(src)).isInstanceOf(HclSyntaxException.class).hasMessage(message);
    }

    /**
     * A parse recurses once per object or list: without a bound, a file of a thousand nested
     * blocks exhausted the query thread's stack (a 500 StackOverflowError). Past the bound it is a
     * syntax error, at the brace that goes too deep; a block's labels count as levels, since each
     * becomes one once decoded.
     */
    @Test
    void nestingIsBounded() throws Exception {
        int max = HclParser.MAX_DEPTH;
        HclParser.parse("a " + "{ b ".repeat(max - 1) + "{" + "}".repeat(max));
        HclParser.parse("a = " + "[".repeat(max) + "]".repeat(max));

        assertThatThrownBy(() -> HclParser.parse("a " + "{ b ".repeat(1000) + "{" + "}".repeat(1001)))
                .isInstanceOf(HclSyntaxException.class)
                .hasMessage("At 1:" + (3 + 4 * max) + ": nested too deeply (more than " + max + " levels)");
        assertThatThrownBy(() -> HclParser.parse("a = " + "[".repeat(100_000) + "]".repeat(100_000)))
                .hasMessage("At 1:" + (5 + max) + ": nested too deeply (more than " + max + " levels)");
        assertThatThrownBy(() -> HclParser.parse("a = [{ b = " + "{ c = ".repeat(max) + "1" + "}".repeat(max + 1) + "]"))
                .hasMessageContaining("nested too deeply");
        String labels = " \"l\"".repeat(max);
        assertThatThrownBy(() -> HclParser.parse("config { x" + labels + " {} }"))
                .hasMessageContaining("nested too deeply");
    }

    /** As a JSON body's, an HCL file's values are bounded: each costs far more parsed than written. */
    @Test
    void theNumberOfValuesIsBounded() throws Exception {
        int max = HclParser.MAX_VALUES;
        HclParser.parse("a = [" + "1,".repeat(max - 100) + "]");

        assertThatThrownBy(() -> HclParser.parse("a = [" + "[],".repeat(max) + "]"))
                .isInstanceOf(HclSyntaxException.class)
                .hasMessageEndingWith(": too many values (more than " + max + ")");
    }
}
