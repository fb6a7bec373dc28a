# Vault at job, group and task level (the nearest wins), templates with and without their
# defaults, and artifacts with options, modes and destinations.
job "secrets" {
  vault {
    policies = ["job-wide"]
  }

  group "inherits-group" {
    vault {
      policies    = ["group-wide"]
      change_mode = "noop"
    }

    task "own" {
      driver = "exec"

      vault {
        policies      = ["task-only"]
        env           = false
        change_mode   = "signal"
        change_signal = "SIGHUP"
      }

      template {
        data        = <<EOT
host={{ env "NOMAD_HOST_IP_http" }}
EOT
        destination = "local/app.env"
        env         = true
        splay       = "1s"
        perms       = "0600"
        vault_grace = "10s"
      }

      template {
        source          = "local/in.tpl"
        destination     = "secrets/out.conf"
        change_mode     = "signal"
        change_signal   = "SIGUSR2"
        left_delimiter  = "[["
        right_delimiter = "]]"
      }
    }

    task "group-vault" {
      driver = "exec"

      artifact {
        source      = "https://example.com/tool.tar.gz"
        destination = "local/tool"

        options {
          checksum = "sha256:0123abcd"
        }
      }

      artifact {
        source = "https://example.com/settings.json"
        mode   = "file"
        destination = "local/settings.json"
      }

      artifact {
        source = "git::https://example.com/repo.git"
      }
    }
  }

  group "inherits-job" {
    task "plain" {
      driver = "exec"
    }
  }
}
