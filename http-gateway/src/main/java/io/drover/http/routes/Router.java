package io.drover.http.routes;

import io.drover.http.Cluster;
import io.drover.http.query.ReadEndpoint;
import io.drover.state.StateStore;
import java.util.List;
import java.util.Random;

/**
 * Nomad's route table for the jobs core. Paths match as Nomad's mux does: exact paths, and under
 * {@code /v1/job/} the last known suffix decides the action and everything before it is the job
 * ID (so {@code /v1/job/x/bogus} is a read of the job "x/bogus", and {@code /v1/job/} of the job
 * "").
 */
public final class Router {
    static final String GET = "GET";
    static final String POST = "POST";
    static final String PUT = "PUT";
    static final String DELETE = "DELETE";

    private static final String JOB = "/v1/job/";
    private static final String EVALUATION = "/v1/evaluation/";

    /** Job actions Nomad has that this server does not serve yet: 404 rather than a misread ID. */
    private static final List<String> JOB_SUFFIXES_NOT_SERVED = List.of("/periodic/force", "/plan", "/dispatch",
            "/scale");

    private final JobWrites writes;
    private final AgentRoutes agent;

    public Router(Cluster cluster, StateStore store, Random random) {
        this.writes = new JobWrites(cluster, new RequestIds(random));
        this.agent = new AgentRoutes(cluster, store);
    }

    public Route match(String method, String path) {
        switch (path) {
            case "/v1/jobs":
                if (isWrite(method)) {
                    return new Route.Write(request -> writes.register(request, null));
                }
                return read(method, JobReads.list());
            case "/v1/evaluations":
                return read(method, EvalReads.list());
            case "/v1/status/leader":
                return local(method, agent::leader);
            case "/v1/status/peers":
                return local(method, agent::peers);
            case "/v1/agent/self":
                return local(method, agent::self);
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
        return new Route.NoRoute();
    }

    private Route job(String method, String rest) {
        for (String suffix : JOB_SUFFIXES_NOT_SERVED) {
            if (rest.endsWith(suffix)) {
                return new Route.NoRoute();
            }
        }
        if (rest.endsWith("/evaluate")) {
            String id = strip(rest, "/evaluate");
            return write(method, request -> writes.evaluate(request, id));
        }
        if (rest.endsWith("/allocations")) {
            return read(method, JobReads.allocations(strip(rest, "/allocations")));
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
            return read(method, EvalReads.allocations(strip(rest, "/allocations")));
        }
        return read(method, EvalReads.evaluation(rest));
    }

    private static Route read(String method, ReadEndpoint endpoint) {
        return GET.equals(method) ? new Route.Read(endpoint) : new Route.WrongMethod();
    }

    private static Route write(String method, Route.WriteEndpoint endpoint) {
        return isWrite(method) ? new Route.Write(endpoint) : new Route.WrongMethod();
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
