job "restarts" {
  group "g" {
    restart {
      attempts = 2
      backoff  = "5s"
    }
  }
}
