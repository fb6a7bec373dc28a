package io.drover.client.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateTest {
    private static final Map<String, String> ENV = Map.of(
            "NOMAD_TASK_NAME", "web",
            "NOMAD_META_owner", "ops",
            "PORTS", "80, 443",
            "EMPTY", "",
            "attr.kernel.name", "linux",
            "node.unique.id", "n1");

    private static String render(String text) throws TemplateException {
        return GoTemplate.parse(text, null, null).execute(ENV::get);
    }

    private static String render(String text, String left, String right) throws TemplateException {
        return GoTemplate.parse(text, left, right).execute(ENV::get);
    }

    @Test
    void textWithoutActionsIsCopied() throws Exception {
        assertThat(render("plain\ntext } { \n")).isEqualTo("plain\ntext } { \n");
        assertThat(render("")).isEmpty();
    }

    @Test
    void envReadsTheTaskEnvironmentAndNodeAttributes() throws Exception {
        assertThat(render("task={{ env \"NOMAD_TASK_NAME\" }} owner={{env \"NOMAD_META_owner\"}}"))
                .isEqualTo("task=web owner=ops");
        assertThat(render("{{ env \"attr.kernel.name\" }}/{{ env \"node.unique.id\" }}")).isEqualTo("linux/n1");
    }

    @Test
    void unknownVariablesAreEmptyNotTheAgentsOwn() throws Exception {
        assertThat(render("[{{ env \"PATH\" }}][{{ env \"NOPE\" }}]")).isEqualTo("[][]");
    }

    @Test
    void literalsPrintAsGoPrintsThem() throws Exception {
        assertThat(render("{{ \"a\\tb\" }} {{ `raw\\n` }} {{ 42 }} {{ -3 }} {{ true }} {{ nil }}"))
                .isEqualTo("a\tb raw\\n 42 -3 true <no value>");
    }

    @Test
    void pipelinesPassTheValueAsTheLastArgument() throws Exception {
        assertThat(render("{{ env \"NOMAD_TASK_NAME\" | toUpper }}")).isEqualTo("WEB");
        assertThat(render("{{ \"  Mixed Case \" | trimSpace | toLower }}")).isEqualTo("mixed case");
        assertThat(render("{{ env \"NOMAD_TASK_NAME\" | replaceAll \"w\" \"W\" }}")).isEqualTo("Web");
        assertThat(render("{{ toTitle \"hello big world\" }}")).isEqualTo("Hello Big World");
        assertThat(render("{{ toUpper (env \"NOMAD_META_owner\") }}")).isEqualTo("OPS");
    }

    @Test
    void splitAndJoinWorkOnLists() throws Exception {
        assertThat(render("{{ env \"PORTS\" | split \", \" | join \";\" }}")).isEqualTo("80;443");
        assertThat(render("{{ split \",\" \"a,b\" }}")).isEqualTo("[a b]");
        assertThat(render("{{ len (split \",\" (env \"EMPTY\")) }}")).isEqualTo("0");
    }

    @Test
    void ifElseChoosesOnEnvValues() throws Exception {
        String t = "{{ if eq (env \"NOMAD_TASK_NAME\") \"web\" }}yes{{ else }}no{{ end }}";
        assertThat(render(t)).isEqualTo("yes");
        assertThat(render("{{ if env \"EMPTY\" }}set{{ else }}unset{{ end }}")).isEqualTo("unset");
        assertThat(render("{{ if env \"EMPTY\" }}a{{ else if env \"NOMAD_TASK_NAME\" }}b{{ else }}c{{ end }}"))
                .isEqualTo("b");
        assertThat(render("{{ if not (env \"EMPTY\") }}x{{ end }}")).isEqualTo("x");
        assertThat(render("{{ if and (env \"PORTS\") (ne (env \"NOMAD_TASK_NAME\") \"db\") }}x{{ end }}")).isEqualTo("x");
        assertThat(render("{{ or (env \"EMPTY\") \"fallback\" }}")).isEqualTo("fallback");
    }

    @Test
    void withSetsDotToTheValue() throws Exception {
        assertThat(render("{{ with env \"NOMAD_META_owner\" }}owner={{ . }}{{ end }}")).isEqualTo("owner=ops");
        assertThat(render("{{ with env \"EMPTY\" }}x{{ else }}none{{ end }}")).isEqualTo("none");
    }

    @Test
    void rangeRepeatsTheBodyPerElement() throws Exception {
        assertThat(render("{{ range split \", \" (env \"PORTS\") }}port {{ . }}\n{{ end }}")).isEqualTo("port 80\nport 443\n");
        assertThat(render("{{ range split \",\" (env \"EMPTY\") }}x{{ else }}none{{ end }}")).isEqualTo("none");
    }

    @Test
    void commentsProduceNothing() throws Exception {
        assertThat(render("a{{/* a comment }} with braces */}}b")).isEqualTo("ab");
        assertThat(render("a {{- /* trimmed */ -}} b")).isEqualTo("ab");
    }

    @Test
    void trimMarkersRemoveAdjacentWhitespace() throws Exception {
        assertThat(render("a  \n {{- \"x\" -}} \n\t b")).isEqualTo("axb");
        assertThat(render("a {{- \"x\" }} b")).isEqualTo("ax b");
        assertThat(render("{{ if true -}}\n  yes\n{{- end }}")).isEqualTo("yes");
        // Without the space the dash is a negative number, as in Go.
        assertThat(render("a {{-3}} b")).isEqualTo("a -3 b");
    }

    @Test
    void customDelimitersLeaveBracesAlone() throws Exception {
        assertThat(render("{\"task\": \"[[ env \"NOMAD_TASK_NAME\" ]]\", \"raw\": \"{{ x }}\"}", "[[", "]]"))
                .isEqualTo("{\"task\": \"web\", \"raw\": \"{{ x }}\"}");
        assertThat(render("a <%- \"x\" -%> b {{ y }}", "<%", "%>")).isEqualTo("axb {{ y }}");
    }

    @Test
    void delimitersInsideStringsDoNotEndTheAction() throws Exception {
        assertThat(render("{{ \"}}\" }}|{{ `{{x}}` }}")).isEqualTo("}}|{{x}}");
    }

    @Test
    void anActionMaySpanLinesAndErrorsCountThem() {
        assertThatThrownBy(() -> render("a\n{{ toUpper\n   (env 3) }}")).hasMessage("template: :3:4: executing \"\" at"
                + " <env 3>: error calling env: wrong type for value; expected string; got int");
    }

    @Test
    void parseErrorsNameTheLine() {
        assertThatThrownBy(() -> render("line1\n{{ nope \"x\" }}")).isInstanceOf(TemplateException.class)
                .hasMessage("template: :2: function \"nope\" not defined");
        assertThatThrownBy(() -> render("a\nb\n{{ if true }}x")).hasMessage("template: :3: unexpected EOF");
        assertThatThrownBy(() -> render("x\n{{ end }}")).hasMessage("template: :2: unexpected {{end}}");
        assertThatThrownBy(() -> render("x\n\n{{ env \"A\" ")).hasMessage("template: :3: unclosed action");
        assertThatThrownBy(() -> render("{{ \"abc }}")).hasMessage("template: :1: unterminated quoted string");
        assertThatThrownBy(() -> render("{{/* open")).hasMessage("template: :1: unclosed comment");
        assertThatThrownBy(() -> render("{{ }}")).hasMessage("template: :1: missing value for command");
        assertThatThrownBy(() -> render("\n{{ $x := env \"A\" }}"))
                .hasMessage("template: :2: variables are not supported by this node agent's templates");
        assertThatThrownBy(() -> render("{{ toJSON \"a\" }}"))
                .hasMessage("template: :1: function \"toJSON\" is not supported by this node agent's templates");
    }

    @Test
    void consulAndVaultFunctionsFailWhenCalled() throws Exception {
        assertThatThrownBy(() -> render("ok\n  {{ key \"service/web/port\" }}")).hasMessage(
                "template: :2:5: executing \"\" at <key \"service/web/port\">: error calling key: function \"key\" needs"
                        + " Consul or Vault, which this node agent does not provide");
        assertThatThrownBy(() -> render("{{ with secret \"kv/db\" }}{{ end }}")).hasMessageContaining("error calling secret");
        // Not called: the template renders, as Go's would.
        assertThat(render("{{ if false }}{{ service \"db\" }}{{ end }}ok")).isEqualTo("ok");
    }

    @Test
    void executionErrorsNameLineColumnAndCommand() {
        assertThatThrownBy(() -> render("{{ toUpper }}"))
                .hasMessage("template: :1:3: executing \"\" at <toUpper>: wrong number of args for toUpper: want 1 got 0");
        assertThatThrownBy(() -> render("{{ toUpper 3 }}")).hasMessage("template: :1:3: executing \"\" at <toUpper 3>: "
                + "error calling toUpper: wrong type for value; expected string; got int");
        assertThatThrownBy(() -> render("{{ eq \"1\" 1 }}")).hasMessageContaining("incompatible types for comparison");
        assertThatThrownBy(() -> render("{{ range \"abc\" }}{{ end }}")).hasMessageContaining("range can't iterate over abc");
    }
}
