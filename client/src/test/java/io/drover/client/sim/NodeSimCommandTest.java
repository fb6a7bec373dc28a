package io.drover.client.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a user who mistypes {@code drover nodesim} sees: exit code 2 and a message naming the option. */
class NodeSimCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new NodeSimCommand());
        cmd.setErr(new PrintWriter(err));
        cmd.setOut(new PrintWriter(new StringWriter()));
        return cmd.execute(args);
    }

    @Test
    void nodesAndServersAreRequired() {
        assertThat(run("--servers", "127.0.0.1:4648")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--nodes=N'");
    }

    @Test
    void nonsenseValuesAreRefusedWithTheReason() {
        assertThat(run("--nodes", "0", "--servers", "127.0.0.1:4648")).isEqualTo(2);
        assertThat(err.toString()).contains("--nodes must be at least 1");
    }

    @Test
    void serverAddressesMustBeHostAndPort() {
        assertThat(run("--nodes", "2", "--servers", "127.0.0.1:4648,localhost")).isEqualTo(2);
        assertThat(err.toString()).contains("server address localhost is not host:port");
    }

    @Test
    void numbersMustBeNumbers() {
        assertThat(run("--nodes", "many", "--servers", "127.0.0.1:4648")).isEqualTo(2);
        assertThat(err.toString()).contains("'many' is not an int");
    }
}
