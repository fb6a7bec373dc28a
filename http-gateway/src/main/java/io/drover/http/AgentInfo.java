package io.drover.http;

/**
 * The identity and configuration of the agent this gateway belongs to.
 *
 * @param name the node name of the agent (Nomad's {@code name})
 * @param serverId the agent's Raft peer ID
 * @param region the region it serves; requests for another region answer "No path to region"
 * @param datacenter its datacenter
 * @param bindAddress the address its listeners bind to
 * @param httpAddress host:port of the HTTP API
 * @param rpcAddress host:port of Raft (what Nomad calls the RPC address, as /v1/status/leader reports)
 * @param serfAddress host:port of the server-to-server gRPC endpoint
 * @param dataDir where it keeps its state
 * @param bootstrapExpect how many servers form the initial group
 * @param dev whether it runs in dev mode
 * @param version Drover's version
 */
public record AgentInfo(String name, String serverId, String region, String datacenter, String bindAddress,
        String httpAddress, String rpcAddress, String serfAddress, String dataDir, int bootstrapExpect, boolean dev,
        String version) {
}
