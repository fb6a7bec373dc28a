package io.drover.model.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A new status for a deployment, carried by a plan (Nomad's {@code structs.DeploymentStatusUpdate}). */
public final class DeploymentStatusUpdate {
    @JsonProperty("DeploymentID") public String deploymentId = "";
    @JsonProperty("Status") public String status = "";
    @JsonProperty("StatusDescription") public String statusDescription = "";

    public DeploymentStatusUpdate() {
    }

    public DeploymentStatusUpdate(String deploymentId, String status, String statusDescription) {
        this.deploymentId = deploymentId;
        this.status = status;
        this.statusDescription = statusDescription;
    }
}
