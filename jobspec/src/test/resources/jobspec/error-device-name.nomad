job "devices" {
  group "g" {
    task "t" {
      resources {
        device "nvidia/gpu" {}

        device {
          count = 1
        }
      }
    }
  }
}
