# Services and checks in a task: every check type, headers, restarts on failing checks.
job "catalogue" {
  type = "service"

  group "api" {
    count = 2

    task "app" {
      driver = "docker"

      config {
        image = "example/catalogue:2"
      }

      service {
        name                = "catalogue-http"
        tags                = ["v2", "public"]
        canary_tags         = ["v3"]
        port                = "web"
        address_mode        = "host"
        enable_tag_override = true

        meta {
          owner = "shop"
        }

        canary_meta {
          stage = "trial"
        }

        check_restart {
          limit           = 2
          grace           = "45s"
          ignore_warnings = false
        }

        check {
          name           = "alive"
          type           = "http"
          path           = "/healthz"
          protocol       = "https"
          method         = "GET"
          interval       = "15s"
          timeout        = "3s"
          initial_status = "warning"
          tls_skip_verify = true

          header {
            X-Probe = ["catalogue"]
            Accept  = ["text/plain", "application/json"]
          }

          header {
            X-Probe = ["second"]
          }
        }

        check {
          name     = "grpc-ready"
          type     = "grpc"
          port     = "rpc"
          interval = "20s"
          timeout  = "1s"

          grpc_service = "catalogue.Ready"
          grpc_use_tls = false

          check_restart {
            limit = 4
            grace = "1m"
          }
        }
      }

      service {
        name         = "catalogue-admin"
        port         = "8081"
        address_mode = "driver"

        check {
          name         = "script"
          type         = "script"
          command      = "/usr/local/bin/probe"
          args         = ["--quick", "-v"]
          interval     = "30s"
          timeout      = "5s"
          address_mode = "driver"
        }

        check {
          name = "plain-tcp"
          type = "tcp"
          port = "8082"
        }
      }

      resources {
        network {
          port "web" {}
          port "rpc" {}
        }
      }
    }
  }
}
