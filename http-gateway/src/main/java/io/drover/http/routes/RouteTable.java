package io.drover.http.routes;

import io.drover.http.Cluster;
import io.drover.http.JobPlanner;
import io.drover.http.core.Reply;
import io.drover.http.query.ReadEndpoint;
import io.drover.model.validate.JobMaxCount;
import io.drover.state.StateStore;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * Nomad's route table for jobs, evaluations, nodes and allocations. Paths match as Nomad's mux
 * does: exact paths, and under {@code /v1/job/} and {@code /v1/node/} the last known suffix
 * decides the action and everything before it is the ID (so {@code /v1/job/x/bogus} is a read of
 * the job "x/bogus", and {@code /v1/job/} of the job ""). Under {@code /v1/allocation/} the path
 * is split on '/' instead: an ID, then at most one action.
 */
public final class RouteTable {
    static final String GET = "GET";
    static final String POST = "POST";
    static final String PUT = "PUT";
    static final String DELETE = "DELETE";

    private static final String JOB = "/v1/job/";
    private static final String EVALUATION = "/v1/evaluation/";
    private static final String NODE = "/v1/node/";
    private static final String ALLOCATION = "/v1/allocation/";

    /** Job actions Nomad has that this server does not serve yet: 404 rather than a misread ID. */
    private static final List<String> JOB_SUFFIXES_NOT_SERVED = List.of();
    /** Node actions Nomad has that this server does not serve yet. */
    private static final List<String> NODE_SUFFIXES_NOT_SERVED = List.of("/evaluate", "/purge");
    /** Nomad's answer for an allocation path it cannot split into an ID and a known action. */
    private static final String RESOURCE_NOT_FOUND = "resource not found";

    private final JobWriteRoutes writes;
    private final JobPlans plans;
    private final NodeWriteRoutes nodeWrites;
    private final AllocWriteRoutes allocWrites;
    private final AgentRoutes agent;
    private final SystemWriteRoutes system;
    private final JobSpecRoutes jobSpecs;

    /**
     * @param planner does the dry run of a job plan
     * @param executor the query threads, where a plan resumes after waiting for fresh state
     */
    public RouteTable(Cluster cluster, StateStore store, Random random, JobPlanner planner, Executor executor) {
        this(cluster, store, random, planner, executor, JobMaxCount.DEFAULT);
    }

    /** @param jobMaxCount the most instances a job may ask for; 0 for no limit */
    public RouteTable(Cluster cluster, StateStore store, Random random, JobPlanner planner, Executor executor,
            int jobMaxCount) {
        WriteSubmitter submitter = new WriteSubmitter(cluster, new RequestIds(random));
        this.writes = new JobWriteRoutes(cluster, submitter, jobMaxCount);
        this.plans = new JobPlans(cluster, store, Objects.requireNonNull(planner, "planner"), executor, jobMaxCount);
        this.nodeWrites = new NodeWriteRoutes(cluster, submitter);
        this.allocWrites = new AllocWriteRoutes(cluster, submitter);
        this.agent = new AgentRoutes(cluster, store);
        this.system = new SystemWriteRoutes(submitter);
        this.jobSpecs = new JobSpecRoutes(cluster, jobMaxCount);
    }

    public Route match(String method, String path) {
        switch (path) {
            case "/v1/jobs":
                if (isWrite(method)) {
                    return new Route.Write(request -> writes.register(request, null));
                }
                return read(method, JobReads.list());
            case "/v1/jobs/parse":
                return computation(method, jobSpecs::parse);
            case "/v1/validate/job":
                return computation(method, jobSpecs::validate);
            case "/v1/evaluations":
                return read(method, EvalReads.list());
            case "/v1/nodes":
                return read(method, NodeReads.list());
            case "/v1/allocations":
                return read(method, AllocReads.list());
            case "/v1/status/leader":
                return local(method, agent::leader);
            case "/v1/status/peers":
                return local(method, agent::peers);
            case "/v1/agent/self":
                return local(method, agent::self);
            case "/v1/system/gc":
                // Nomad takes only PUT here, not POST.
                return PUT.equals(method) ? new Route.Write(system::gc) : new Route.WrongMethod();
            case "/v1/operator/raft/configuration":
                return local(method, agent::raftConfiguration);
            default:
                break;
        }
        if (path.startsWith(JOB)) {
            return job(method, path.substring(JOB.length()));
        }
        if (path.startsWith(EVALUATION)) {
            return evaluation(method, path.substring(EVALUATION.length()));
        }
        if (path.startsWith(NODE)) {
            return node(method, path.substring(NODE.length()));
        }
        if (path.startsWith(ALLOCATION)) {
            return allocation(method, path.substring(ALLOCATION.length()));
        }
        return new Route.NoRoute();
    }

    private Route job(String method, String rest) {
        for (String suffix : JOB_SUFFIXES_NOT_SERVED) {
            if (rest.endsWith(suffix)) {
                return new Route.NoRoute();
            }
        }
        if (rest.endsWith("/plan")) {
            String id = strip(rest, "/plan");
            return write(method, request -> plans.plan(request, id));
        }
        if (rest.endsWith("/evaluate")) {
            String id = strip(rest, "/evaluate");
            return write(method, request -> writes.evaluate(request, id));
        }
        if (rest.endsWith("/periodic/force")) {
            String id = strip(rest, "/periodic/force");
            return write(method, request -> writes.periodicForce(request, id));
        }
        if (rest.endsWith("/dispatch")) {
            String id = strip(rest, "/dispatch");
            return write(method, request -> writes.dispatch(request, id));
        }
        if (rest.endsWith("/allocations")) {
            return read(method, AllocReads.ofJob(strip(rest, "/allocations")));
        }
        if (rest.endsWith("/evaluations")) {
            return read(method, JobReads.evaluations(strip(rest, "/evaluations")));
        }
        if (rest.endsWith("/summary")) {
            return read(method, JobReads.summary(strip(rest, "/summary")));
        }
        if (rest.endsWith("/versions")) {
            return read(method, JobReads.versions(strip(rest, "/versions")));
        }
        if (rest.endsWith("/scale")) {
            String id = strip(rest, "/scale");
            if (GET.equals(method)) {
                return new Route.Read(JobReads.scaleStatus(id));
            }
            return write(method, request -> writes.scale(request, id));
        }
        if (rest.endsWith("/revert")) {
            String id = strip(rest, "/revert");
            return write(method, request -> writes.revert(request, id));
        }
        if (rest.endsWith("/deployments")) {
            return read(method, JobReads.deployments(strip(rest, "/deployments")));
        }
        if (rest.endsWith("/deployment")) {
            return read(method, JobReads.latestDeployment(strip(rest, "/deployment")));
        }
        if (rest.endsWith("/stable")) {
            String id = strip(rest, "/stable");
            return write(method, request -> writes.stable(request, id));
        }
        switch (method) {
            case GET:
                return new Route.Read(JobReads.job(rest));
            case POST:
            case PUT:
                return new Route.Write(request -> writes.register(request, rest));
            case DELETE:
                return new Route.Write(request -> writes.deregister(request, rest));
            default:
                return new Route.WrongMethod();
        }
    }

    private Route evaluation(String method, String rest) {
        if (rest.endsWith("/allocations")) {
            return read(method, AllocReads.ofEval(strip(rest, "/allocations")));
        }
        return read(method, EvalReads.evaluation(rest));
    }

    private Route node(String method, String rest) {
        for (String suffix : NODE_SUFFIXES_NOT_SERVED) {
            if (rest.endsWith(suffix)) {
                return new Route.NoRoute();
            }
        }
        if (rest.endsWith("/allocations")) {
            return read(method, NodeReads.allocations(strip(rest, "/allocations")));
        }
        if (rest.endsWith("/drain")) {
            String id = strip(rest, "/drain");
            return write(method, request -> nodeWrites.drain(request, id));
        }
        if (rest.endsWith("/eligibility")) {
            String id = strip(rest, "/eligibility");
            return write(method, request -> nodeWrites.eligibility(request, id));
        }
        return read(method, NodeReads.node(rest));
    }

    private Route allocation(String method, String rest) {
        String[] parts = rest.split("/", -1);
        if (parts.length == 1) {
            return read(method, AllocReads.allocation(parts[0]));
        }
        if (parts.length == 2 && parts[1].equals("stop")) {
            String id = parts[0];
            return write(method, request -> allocWrites.stop(request, id));
        }
        // Any method: Nomad refuses the path before looking at the method.
        return new Route.Local(request -> Reply.text(404, RESOURCE_NOT_FOUND));
    }

    private static Route read(String method, ReadEndpoint endpoint) {
        return GET.equals(method) ? new Route.Read(endpoint) : new Route.WrongMethod();
    }

    private static Route write(String method, Route.WriteEndpoint endpoint) {
        return isWrite(method) ? new Route.Write(endpoint) : new Route.WrongMethod();
    }

    /** A POST/PUT that this agent answers itself, changing nothing (parse, validate). */
    private static Route computation(String method, Route.LocalEndpoint endpoint) {
        return isWrite(method) ? new Route.Local(endpoint) : new Route.WrongMethod();
    }

    private static Route local(String method, Route.LocalEndpoint endpoint) {
        return GET.equals(method) ? new Route.Local(endpoint) : new Route.WrongMethod();
    }

    /** PUT works wherever POST does, as in Nomad. */
    private static boolean isWrite(String method) {
        return POST.equals(method) || PUT.equals(method);
    }

    private static String strip(String path, String suffix) {
        return path.substring(0, path.length() - suffix.length());
    }
}
