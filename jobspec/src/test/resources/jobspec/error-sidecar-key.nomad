job "mesh" {
  group "g" {
    service {
      name = "web"

      connect {
        sidecar_service {
          proxy {
            upstreams {
              destination_name = "db"
              local_port       = 5432
            }
          }
        }
      }
    }
  }
}
