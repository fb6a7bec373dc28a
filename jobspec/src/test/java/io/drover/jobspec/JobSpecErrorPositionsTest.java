package io.drover.jobspec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Each kind of job-spec refusal keeps Nomad's words and then names where in the file the refused
 * key, value, block or label was written, as {@code (at line:column)}; each entry of a
 * multierror carries its own, however deep the block is.
 */
class JobSpecErrorPositionsTest {
    @Test
    void eachInvalidKeyNamesItsOwnLine() {
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  datacenter = ["dc1"]
                  type       = "batch"
                  priorty    = 50
                }
                """)).hasMessage("error parsing 'job': 2 errors occurred:\n"
                + "\t* job: invalid key: datacenter (at 2:3)\n"
                + "\t* job: invalid key: priorty (at 4:3)\n\n");
    }

    @Test
    void anInvalidKeyDeepInAGroupTaskServiceAndCheckIsFoundWhereItIs() {
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    colour = "red"
                  }
                }
                """)).hasMessage("error parsing 'job': 1 error occurred:\n"
                + "\t* group: 'g' -> invalid key: colour (at 3:5)\n\n");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    task "t" {
                      driver = "exec"
                      colour = "red"
                    }
                  }
                }
                """)).hasMessage("error parsing 'job': 1 error occurred:\n"
                + "\t* group: 'g', task: 't', invalid key: colour (at 5:7)\n\n");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    task "t" {
                      service {
                        name   = "api"
                        colour = "red"
                      }
                    }
                  }
                }
                """)).hasMessage("error parsing 'job': 1 error occurred:\n"
                + "\t* group: 'g', task: 't', service (0): invalid key: colour (at 6:9)\n\n");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    task "t" {
                      service {
                        name = "api"
                        check {
                          type = "tcp"
                          every = "10s"
                        }
                      }
                    }
                  }
                }
                """)).hasMessage("error parsing 'job': 1 error occurred:\n"
                + "\t* group: 'g', task: 't', service (0): 'api', check -> invalid key: every (at 8:11)\n\n");
    }

    @Test
    void aValueOfTheWrongTypeIsFoundAtTheValue() {
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    count = "many"
                  }
                }
                """)).hasMessage("error parsing 'job': group: 1 error(s) decoding:\n\n"
                + "* cannot parse 'Count' as int: strconv.ParseInt: parsing \"many\": invalid syntax (at 3:13)");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    ephemeral_disk {
                      sticky = "perhaps"
                    }
                  }
                }
                """)).hasMessage("error parsing 'job': group: 'g', ephemeral_disk -> 1 error(s) decoding:\n\n"
                + "* cannot parse 'Sticky' as bool: strconv.ParseBool: parsing \"perhaps\": invalid syntax (at 4:16)");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    restart {
                      delay = "ten seconds"
                    }
                  }
                }
                """)).hasMessage("error parsing 'job': group: 'g', restart -> 1 error(s) decoding:\n\n"
                + "* error decoding 'Delay': time: invalid duration ten seconds (at 4:15)");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  region = ["a", "b"]
                }
                """)).hasMessage("error parsing 'job': Region: expected a single value (at 2:12)");
    }

    @Test
    void aBlockWrittenTwiceIsFoundAtTheSecond() {
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    restart { attempts = 1 }
                    restart { attempts = 2 }
                  }
                }
                """)).hasMessage("error parsing 'job': group: 'g', restart -> only one 'restart' block allowed (at 4:5)");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    task "t" {
                      logs {}
                      logs {}
                    }
                  }
                }
                """)).hasMessage("error parsing 'job': group: 'g', task: 't', only one logs block is allowed in a Task. "
                + "Number of logs block found: 2 (at 5:7)");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {}
                  group "g" {}
                }
                """)).hasMessage("error parsing 'job': group: group 'g' defined more than once (at 3:9)");
    }

    @Test
    void aPortIsFoundAtItsLabel() {
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    network {
                      port "http" {}
                      port "web-ui" {}
                    }
                  }
                }
                """)).hasMessage("error parsing 'job': group: network, ports -> Port label does not conform to "
                + "naming requirements ^[a-zA-Z0-9_]+$ (at 5:12)");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    network {
                      port "admin" {}
                      port "Admin" { static = 9000 }
                    }
                  }
                }
                """)).hasMessage("error parsing 'job': group: network, ports -> found a port label collision: Admin (at 5:12)");
        assertThatThrownBy(() -> JobSpecParser.parse("""
                job "j" {
                  group "g" {
                    network {
                      port {}
                    }
                  }
                }
                """)).hasMessage("error parsing 'job': group: ports must be named (at 4:7)");
    }

    @Test
    void aJobWithoutItsNameIsFoundAtTheBlock() {
        assertThatThrownBy(() -> JobSpecParser.parse("\n  job {}\n"))
                .hasMessage("error parsing 'job': 'job' block missing name (at 2:3)");
    }

    @Test
    void fileLevelRefusalsStayExactlyNomads() {
        assertThatThrownBy(() -> JobSpecParser.parse("variable = 1\n"))
                .hasMessage("1 error occurred:\n\t* invalid key: variable\n\n");
        assertThatThrownBy(() -> JobSpecParser.parse("job \"a\" {}\njob \"b\" {}\n"))
                .hasMessage("error parsing 'job': only one 'job' block allowed");
    }
}
