job "bad-port" {
  group "g" {
    task "t" {
      driver = "exec"

      resources {
        network {
          port "web-ui" {}
        }
      }
    }
  }
}
