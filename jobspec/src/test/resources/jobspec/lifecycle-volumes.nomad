# Lifecycle hooks, a CSI plugin task, and host and CSI volumes mounted into tasks.
job "storage" {
  group "data" {
    volume "scratch" {
      type      = "host"
      source    = "scratch-disk"
      read_only = true
    }

    volume "ledger" {
      type   = "csi"
      source = "ledger-vol"

      mount_options {
        fs_type     = "xfs"
        mount_flags = ["noatime", "nodiratime"]
      }
    }

    task "prepare" {
      driver = "exec"

      lifecycle {
        hook = "prestart"
      }

      volume_mount {
        volume      = "scratch"
        destination = "/scratch"
        read_only   = true
      }
    }

    task "shipper" {
      driver = "exec"

      lifecycle {
        hook    = "prestart"
        sidecar = true
      }
    }

    task "db" {
      driver = "docker"
      leader = true

      volume_mount {
        volume           = "ledger"
        destination      = "/var/lib/ledger"
        propagation_mode = "private"
      }
    }
  }

  group "plugin" {
    task "node-plugin" {
      driver = "docker"

      csi_plugin {
        id        = "example.block"
        type      = "node"
        mount_dir = "/csi"
      }
    }
  }
}
