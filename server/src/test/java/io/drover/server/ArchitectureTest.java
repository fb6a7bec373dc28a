package io.drover.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package edges of docs/architecture.md, checked against the compiled main classes of every
 * module (this module's tests see them all). Maven's banned dependencies (each module's
 * {@code module-edges} enforcer rule) keep a module from having RocksDB or Ratis on its classpath
 * at all; these rules say what the code inside may import, where one module holds several
 * rooms (the store contract and the RocksDB store; the gateway and its generated gRPC stubs).
 */
class ArchitectureTest {
    private static final String[] STORAGE_AND_RAFT = {"org.rocksdb..", "org.apache.ratis..", "io.drover.raft..",
        "io.drover.state.rocks..", "io.drover.state.apply.."};
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // other modules' test-jars (fixtures) are on this classpath too; the rules are for main code
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.drover");
    }

    @Test
    void theModelImportsNoOtherDroverCodeAndNothingBeyondJsonCronAndSnappy() {
        check(classes().that().resideInAPackage("io.drover.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.drover.model..", "java..",
                        "com.fasterxml.jackson..", "com.cronutils..", "io.airlift.compress.."));
    }

    @Test
    void theJobSpecParserUsesOnlyTheModel() {
        check(classes().that().resideInAnyPackage("io.drover.jobspec..", "io.drover.hcl..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.drover.jobspec..", "io.drover.hcl..",
                        "io.drover.model..", "java..", "com.fasterxml.jackson.."));
    }

    @Test
    void theStoreContractUsesOnlyTheModel() {
        check(classes().that().resideInAnyPackage("io.drover.state", "io.drover.state.gc")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.drover.state", "io.drover.state.gc",
                        "io.drover.model..", "java.."));
    }

    @Test
    void theSchedulerSeesNoStorageRaftNetworkOrServer() {
        check(noClasses().that().resideInAPackage("io.drover.scheduler..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(STORAGE_AND_RAFT, "io.netty..", "io.grpc..",
                        "io.drover.http..", "io.drover.client..", "io.drover.server..", "io.drover.jobspec..",
                        "io.drover.proto..")));
    }

    @Test
    void theNodeAgentSeesNoStorageRaftSchedulerOrHttpServer() {
        check(noClasses().that().resideInAPackage("io.drover.client..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(STORAGE_AND_RAFT, "io.netty..",
                        "io.drover.state..", "io.drover.scheduler..", "io.drover.http..", "io.drover.server..",
                        "io.drover.jobspec..", "io.drover.hcl..")));
    }

    @Test
    void theGatewayReachesTheServerOnlyThroughItsInterfaces() {
        check(noClasses().that().resideInAPackage("io.drover.http..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(STORAGE_AND_RAFT, "io.grpc..",
                        "io.drover.scheduler..", "io.drover.client..", "io.drover.server..")));
    }

    @Test
    void theStateMachineKnowsNothingOfItsCallers() {
        check(noClasses().that().resideInAnyPackage("io.drover.state..", "io.drover.raft..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.drover.scheduler..",
                        "io.drover.http..", "io.drover.client..", "io.drover.server..", "io.drover.jobspec.."));
    }

    @Test
    void modulesDoNotDependOnEachOtherInCircles() {
        check(slices().matching("io.drover.(*)..").should().beFreeOfCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(main);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
