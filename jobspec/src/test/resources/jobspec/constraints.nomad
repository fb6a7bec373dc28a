# Placement rules in every shorthand Nomad knows, at job, group and task level.
job "placement" {
  datacenters = ["north", "south"]

  constraint {
    attribute = "${attr.os.name}"
    value     = "debian"
  }

  constraint {
    attribute = "${attr.consul.version}"
    semver    = ">= 1.7.0"
  }

  constraint {
    attribute = "${attr.kernel.version}"
    version   = "> 4.19"
  }

  constraint {
    distinct_hosts = true
  }

  # Switched off: Nomad drops it.
  constraint {
    distinct_hosts = false
  }

  affinity {
    attribute = "${node.class}"
    value     = "fast"
    weight    = 70
  }

  spread {
    attribute = "${node.unique.name}"
    weight    = 30

    target "a" {
      percent = 10
    }

    target "b" {
      percent = 90
    }
  }

  group "web" {
    constraint {
      attribute = "${meta.zone}"
      regexp    = "^z[0-9]$"
    }

    constraint {
      distinct_property = "${meta.rack}"
      value             = "2"
    }

    affinity {
      attribute        = "${meta.tags}"
      set_contains_any = "ssd,nvme"
      weight           = -20
    }

    affinity {
      attribute = "${meta.tier}"
      operator  = "!="
      value     = "cold"
    }

    spread {
      attribute = "${node.datacenter}"
    }

    task "server" {
      driver = "exec"

      constraint {
        attribute    = "${meta.features}"
        set_contains = "tls,http2"
      }

      affinity {
        attribute        = "${meta.labels}"
        set_contains_all = "x,y"
        weight           = 5
      }
    }
  }
}
