job "checks" {
  group "g" {
    task "t" {
      service {
        name = "svc"
      }

      service {
        name = "probed"

        check {
          type     = "http"
          intervall = "10s"
          retries  = 3
        }
      }
    }
  }
}
