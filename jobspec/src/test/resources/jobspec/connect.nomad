# A group network in bridge mode and a Consul Connect service with a sidecar.
job "mesh" {
  datacenters = ["edge"]

  group "front" {
    count          = 3
    shutdown_delay = "6s"

    network {
      mode  = "bridge"
      mbits = 20

      port "public" {
        static = 8443
        to     = 443
      }

      port "metrics" {
        to = 9102
      }
    }

    service {
      name = "front"
      port = "8443"
      tags = ["edge"]

      connect {
        sidecar_service {
          tags = ["proxy"]
          port = "public"

          proxy {
            local_service_address = "127.0.0.2"
            local_service_port    = 8443

            upstreams {
              destination_name = "orders"
              local_bind_port  = 7001
            }

            upstreams {
              destination_name = "stock"
              local_bind_port  = 7002
            }

            expose {
              path {
                path            = "/ready"
                protocol        = "http"
                local_path_port = 8444
                listener_port   = "metrics"
              }
            }

            config {
              protocol = "http"
              timeout  = 15
            }
          }
        }

        sidecar_task {
          name   = "front-envoy"
          driver = "docker"
          user   = "envoy"

          config {
            image = "envoyproxy/envoy:v1.14"
          }

          env {
            LOG_LEVEL = "warn"
          }

          resources {
            cpu    = 150
            memory = 96
          }

          logs {
            max_files     = 2
            max_file_size = 5
          }

          kill_timeout   = "8s"
          shutdown_delay = "2s"
          kill_signal    = "SIGTERM"
        }
      }

      check {
        name     = "front-ready"
        type     = "http"
        path     = "/ready"
        interval = "10s"
        timeout  = "2s"
        expose   = true
      }
    }

    service {
      name = "front-native"

      connect {
        native = true
      }
    }

    task "front" {
      driver = "docker"

      config {
        image = "example/front:1"
      }
    }
  }
}
